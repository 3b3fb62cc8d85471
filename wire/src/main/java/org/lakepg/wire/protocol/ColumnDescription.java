package org.lakepg.wire.protocol;

/** One field of a RowDescription message. */
public record ColumnDescription(String name, int tableOid, short columnNumber, int typeOid, short typeSize,
                                int typeModifier, short format) {
    public ColumnDescription {
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
    }

    public ColumnDescription withFormat(short newFormat) {
        return new ColumnDescription(name, tableOid, columnNumber, typeOid, typeSize, typeModifier, newFormat);
    }
}
