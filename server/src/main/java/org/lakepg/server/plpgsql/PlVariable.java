package org.lakepg.server.plpgsql;

/**
 * A declared PL/pgSQL variable: its slot in the function's frame and how its type is found. A {@code RECORD}
 * takes the shape of what is assigned to it; {@code ROWTYPE} has its table's columns; {@code FIXED} variables
 * (parameters, loop counters, FOUND, trigger variables) have a type known before the body runs.
 */
public record PlVariable(String name, int slot, Kind kind, String typeText, long fixedType, boolean constant,
                         boolean notNull, PlSql defaultValue) {

    public enum Kind { SCALAR, RECORD, ROWTYPE, FIXED, CURSOR }

    static PlVariable fixed(String name, int slot, long type) {
        return new PlVariable(name, slot, Kind.FIXED, null, type, false, false, null);
    }

    boolean isRecord() {
        return kind == Kind.RECORD || kind == Kind.ROWTYPE;
    }
}
