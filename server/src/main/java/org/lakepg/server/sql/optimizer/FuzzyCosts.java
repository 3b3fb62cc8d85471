package org.lakepg.server.sql.optimizer;

/**
 * PostgreSQL's compare_path_costs_fuzzily with STD_FUZZ_FACTOR: costs within 1% of each other count as the same, and
 * among paths of fuzzily the same total cost add_path keeps the one that starts up cheaper. So a nested loop whose
 * first row comes at once beats a hash join costing 0.3% less in all, which must build its hash table first.
 */
final class FuzzyCosts {
    private FuzzyCosts() {}

    static final double FUZZ = 1.01;

    /** How two paths' costs compare. */
    enum Comparison { FIRST_BETTER, SECOND_BETTER, EQUAL }

    /**
     * The comparison of two paths' startup and total costs, where startup cost only counts between totals that are
     * fuzzily the same (a plain query's relations do not consider startup cost on its own: consider_startup).
     */
    static Comparison compare(double startup1, double total1, double startup2, double total2) {
        if (total1 > total2 * FUZZ) {
            return Comparison.SECOND_BETTER;
        }
        if (total2 > total1 * FUZZ) {
            return Comparison.FIRST_BETTER;
        }
        if (startup1 > startup2 * FUZZ) {
            return Comparison.SECOND_BETTER;
        }
        if (startup2 > startup1 * FUZZ) {
            return Comparison.FIRST_BETTER;
        }
        return Comparison.EQUAL;
    }
}
