package org.lakepg.server.sql.plan;

/** A result column as RowDescription announces it. */
public record OutputColumn(String name, long type, int typmod, long tableOid, short columnNumber) {

    public static OutputColumn computed(String name, long type, int typmod) {
        return new OutputColumn(name, type, typmod, 0, (short) 0);
    }
}
