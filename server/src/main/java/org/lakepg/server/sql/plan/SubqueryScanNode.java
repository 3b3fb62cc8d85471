package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * A FROM subquery PostgreSQL plans as a query of its own instead of pulling it up into the outer one (it has window
 * functions): its rows pass through unchanged. EXPLAIN shows it as {@code Subquery Scan on alias}, its columns named
 * {@code alias.column}, unless the scan is trivial (setrefs.c removes a scan without a filter that returns the
 * subquery's whole target list). {@code junkColumns}: PostgreSQL's target list of the subquery carries columns beyond
 * the visible ones (sort or partition keys not selected), so a scan of it always projects and is never trivial.
 */
public record SubqueryScanNode(PlanNode input, String alias, List<String> columns, boolean junkColumns)
        implements PlanNode {

    public SubqueryScanNode {
        columns = List.copyOf(columns);
    }

    @Override
    public int width() {
        return input.width();
    }

    public SubqueryScanNode withInput(PlanNode newInput) {
        return new SubqueryScanNode(newInput, alias, columns, junkColumns);
    }
}
