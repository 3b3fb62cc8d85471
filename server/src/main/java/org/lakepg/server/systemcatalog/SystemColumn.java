package org.lakepg.server.systemcatalog;

/** A column of a system relation, as PostgreSQL 15's pg_attribute describes it (domains replaced by their base type). */
public record SystemColumn(String name, short number, long type, int typmod, boolean notNull, short length,
                           char align, char storage, boolean byValue, long collation) {
}
