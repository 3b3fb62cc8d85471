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
 * first and the rows read in table order. {@code alias} as in {@link SeqScanNode}. A bitmap scan with {@code or}
 * reads the union of its arms' bitmaps (PostgreSQL's BitmapOr) and re-checks {@code conditions} on each row.
 */
public record IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid, String alias,
                            List<BoundExpr> conditions, boolean backward, boolean indexOnly, boolean bitmap,
                            BitmapOr or) implements PlanNode {

    /**
     * The arms of a BitmapOr: bitmap scans whose matches together hold every row satisfying the OR-ed condition of
     * the query they stand for; {@code source} is that condition when the re-check is equivalent to it (else null:
     * it is still filtered).
     */
    public record BitmapOr(List<IndexScanNode> arms, BoundExpr source) {
        public BitmapOr {
            arms = List.copyOf(arms);
        }
    }

    public IndexScanNode {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid, String alias,
                         List<BoundExpr> conditions, boolean backward, boolean indexOnly, boolean bitmap) {
        this(table, index, key, withTid, alias, conditions, backward, indexOnly, bitmap, null);
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

    /** A bitmap scan of the rows any of {@code or}'s arms finds, re-checked against {@code recheck}. */
    public static IndexScanNode bitmapOr(BitmapOr or, BoundExpr recheck, String alias) {
        IndexScanNode first = or.arms().get(0);
        return new IndexScanNode(first.table(), first.index(), null, false, alias, List.of(recheck), false, false,
                true, or);
    }

    /** The same scan with each row followed by its tuple id. */
    public IndexScanNode withTids() {
        return new IndexScanNode(table, index, key, true, alias, conditions, backward, indexOnly, bitmap, or);
    }

    public IndexScanNode asIndexOnly(boolean only) {
        return new IndexScanNode(table, index, key, withTid, alias, conditions, backward, only, bitmap, or);
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
