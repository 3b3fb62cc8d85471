package org.lakepg.server.sql.optimizer;

/** A plan node's estimated cost to its first row and to its last, its rows and their average width in bytes. */
public record PlanEstimate(double startup, double total, double rows, int width) {

    /** Rows as EXPLAIN shows them: rounded, at least 1 (PostgreSQL's clamp_row_est). */
    public long shownRows() {
        return (long) clampRows(rows);
    }

    static double clampRows(double rows) {
        return rows <= 1.0 || Double.isNaN(rows) ? 1.0 : Math.rint(rows);
    }
}
