package org.lakepg.server.sql.ast;

/** The special-syntax niladic functions; typmod is -1 when no precision was given. */
public record SQLValueFunction(Op op, int typmod, int location) implements Expr {
    public enum Op {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIME_N, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N, LOCALTIME,
        LOCALTIME_N, LOCALTIMESTAMP, LOCALTIMESTAMP_N, CURRENT_ROLE, CURRENT_USER, USER, SESSION_USER,
        CURRENT_CATALOG, CURRENT_SCHEMA
    }
}
