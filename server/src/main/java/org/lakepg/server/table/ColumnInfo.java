package org.lakepg.server.table;

/** A table column as pg_attribute describes it (attnum is 1-based). */
public record ColumnInfo(String name, short number, long type, int typmod, boolean notNull) {
}
