package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Rows of a table fetched through a B-tree index. Either the rows whose single-column index key equals {@code key}
 * (evaluated once; the caller keeps the full condition above it as a re-check), or, with {@code key} null, the rows
 * in index order (backward with {@code backward}) that satisfy every one of {@code conditions}: comparisons of an
 * index key column with a value that does not depend on the row, and IS [NOT] NULL tests of one (PostgreSQL's
 * "Index Cond"; none = the whole index). The leading conditions bound the part of the index read; each fetched row
 * is checked against all of them. {@code indexOnly} is how PostgreSQL would run it (every column the query needs
 * is in the index): lakepg has no visibility map, so it still reads each row's heap tuple to check its visibility.
 * With {@code bitmap} (PostgreSQL's Bitmap Heap Scan over a Bitmap Index Scan) the matching entries are collected
 * first and the rows read in table order. {@code alias} as in {@link SeqScanNode}.
 */
public record IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid, String alias,
                            List<BoundExpr> conditions, boolean backward, boolean indexOnly, boolean bitmap)
        implements PlanNode {

    public IndexScanNode {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid, String alias) {
        this(table, index, key, withTid, alias, List.of(), false, false, false);
    }

    public IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid) {
        this(table, index, key, withTid, null);
    }

    /** An ordered scan under index conditions (see the class comment). */
    public static IndexScanNode ordered(TableInfo table, IndexInfo index, List<BoundExpr> conditions, boolean backward,
                                        boolean indexOnly, String alias) {
        return new IndexScanNode(table, index, null, false, alias, conditions, backward, indexOnly, false);
    }

    /** A bitmap scan under index conditions: the rows in table order. */
    public static IndexScanNode bitmap(TableInfo table, IndexInfo index, List<BoundExpr> conditions, String alias) {
        return new IndexScanNode(table, index, null, false, alias, conditions, false, false, true);
    }

    /** The same scan with each row followed by its tuple id. */
    public IndexScanNode withTids() {
        return new IndexScanNode(table, index, key, true, alias, conditions, backward, indexOnly, bitmap);
    }

    public IndexScanNode asIndexOnly(boolean only) {
        return new IndexScanNode(table, index, key, withTid, alias, conditions, backward, only, bitmap);
    }

    /** Whether this is an equality probe of {@code key} (else a scan under {@link #conditions}). */
    public boolean probe() {
        return key != null;
    }

    @Override
    public int width() {
        return table.columns().size() + (withTid ? 1 : 0);
    }
}
