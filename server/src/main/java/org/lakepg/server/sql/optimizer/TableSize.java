package org.lakepg.server.sql.optimizer;

import org.lakepg.server.stats.RelationStatistics;

/**
 * A table's estimated rows and pages at planning time (PostgreSQL's estimate_rel_size): the density
 * of the last measurement scaled to the current number of pages; a table never vacuumed or analyzed
 * is assumed to have at least 10 pages of tuples as wide as its columns' types say.
 */
public record TableSize(double tuples, double pages) {
    private static final int PAGE_SIZE = 8192;
    private static final int PAGE_HEADER = 24;
    private static final int TUPLE_OVERHEAD = 24 + 4; // heap tuple header + line pointer

    public static TableSize estimate(long currentPages, RelationStatistics measured, int tupleWidth) {
        long pages = currentPages;
        boolean neverMeasured = measured == null;
        if (pages < 10 && neverMeasured) {
            pages = 10; // a new table that may be filled soon: do not plan for it being tiny
        }
        if (pages == 0) {
            return new TableSize(0, 0);
        }
        double density;
        if (measured != null && measured.pages() > 0 && measured.tuples() >= 0) {
            density = measured.tuples() / measured.pages();
        } else {
            density = (PAGE_SIZE - PAGE_HEADER) / (tupleWidth + TUPLE_OVERHEAD); // integer division, as PostgreSQL
        }
        return new TableSize(Math.rint(density * pages), pages);
    }
}
