package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.catalog.types.UserTypes;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr;
import org.lakepg.server.table.IndexInfo;

/**
 * A Sort whose input already arrives in its order: an ordered B-tree scan whose leading key columns are the sort
 * keys, in the same direction (or all reversed, for a backward scan). PostgreSQL's presorted path has no Sort above
 * it (pathkeys_contained_in): EXPLAIN shows the scan alone and the executor passes the scan's rows through unsorted.
 * Text keys qualify because the B-tree's byte order is the default ("C") text order the sort compares with; an
 * index condition over an array (= ANY) keeps the order only on the index's first column, as in PostgreSQL.
 */
public final class PresortedInputs {
    private PresortedInputs() {}

    public static boolean presorted(SortNode sort) {
        return ordered(sort, false);
    }

    /**
     * The Sort over its input with the ordered scan below it read backward, when that delivers the Sort's order (the
     * keys are the scan's exactly reversed: PostgreSQL's Index Scan Backward); else the Sort unchanged.
     */
    public static SortNode backwardIfReversed(SortNode sort) {
        return ordered(sort, true) ? new SortNode(reversed(sort.input()), sort.keys()) : sort;
    }

    private static PlanNode reversed(PlanNode p) {
        return switch (p) {
            case FilterNode f -> new FilterNode(reversed(f.input()), f.condition());
            case ProjectNode x -> new ProjectNode(reversed(x.input()), x.expressions());
            case IndexScanNode s -> IndexScanNode.ordered(s.table(), s.index(), s.conditions(), !s.backward(),
                    s.indexOnly(), s.alias());
            default -> throw new IllegalStateException("not an ordered scan: " + p);
        };
    }

    /** Whether the scan below delivers the Sort's order, read as it is or (with {@code reversed}) the other way. */
    private static boolean ordered(SortNode sort, boolean reversed) {
        List<SortKey> keys = sort.keys();
        if (keys.isEmpty()) {
            return false;
        }
        if (!reversed && keys.stream().allMatch(k -> fixed(sort.input(), k.column()))) {
            return true; // every row has the same keys: PostgreSQL's pathkeys are redundant, any order is sorted
        }
        int[] columns = new int[keys.size()];
        // a key computed by the projection just above the scan: matched against an expression index's key
        BoundExpr[] computed = new BoundExpr[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            columns[k] = keys.get(k).column();
        }
        PlanNode p = sort.input();
        while (true) {
            if (p instanceof FilterNode f) {
                p = f.input();
            } else if (p instanceof ProjectNode x) {
                for (int k = 0; k < columns.length; k++) {
                    if (computed[k] != null) {
                        computed[k] = org.lakepg.server.sql.analyzer.ExprRewriter.map(computed[k], e -> e instanceof InputRef r
                                && r.index() < x.expressions().size() ? x.expressions().get(r.index()) : e);
                        continue;
                    }
                    if (columns[k] >= x.expressions().size()) {
                        return false;
                    }
                    if (x.expressions().get(columns[k]) instanceof InputRef in) {
                        columns[k] = in.index();
                    } else {
                        computed[k] = x.expressions().get(columns[k]);
                        columns[k] = -1;
                    }
                }
                p = x.input();
            } else {
                break;
            }
        }
        if (!(p instanceof IndexScanNode s) || s.probe() || s.bitmap() || s.withTid()
                || !IndexInfo.BTREE.equals(s.index().method())
                || s.index().columns().size() < keys.size()
                || s.conditions().stream().anyMatch(c -> c instanceof ScalarArrayOpExpr x && !onFirstColumn(x, s.index()))) {
            return false;
        }
        List<BoundExpr> indexKeys = null;
        for (int k = 0; k < keys.size(); k++) {
            SortKey key = keys.get(k);
            short option = s.index().option(k);
            boolean descending = ((option & IndexInfo.DESC) != 0) != (s.backward() != reversed);
            boolean nullsFirst = ((option & IndexInfo.NULLS_FIRST) != 0) != (s.backward() != reversed);
            if (key.descending() != descending || key.nullsFirst() != nullsFirst) {
                return false;
            }
            short column = s.index().columns().get(k);
            if (column != 0) {
                if (column != columns[k] + 1) {
                    return false;
                }
                continue;
            }
            if (computed[k] == null || s.indexOnly()) {
                return false;
            }
            if (indexKeys == null) {
                try {
                    indexKeys = org.lakepg.server.index.IndexExpressions.of(s.index(), s.table()).keys();
                } catch (RuntimeException e) {
                    return false; // an expression lakepg cannot bind on its own
                }
            }
            if (!unnamed(indexKeys.get(k)).equals(unnamed(computed[k]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every row of {@code p} holds {@code column} equal to one non-NULL constant: a filter or an index
     * condition (or an equality probe of a one-column index) compares it with the constant by a built-in {@code =}.
     */
    private static boolean fixed(PlanNode p, int column) {
        return switch (p) {
            case FilterNode f -> conjuncts(f.condition()).stream().anyMatch(c -> equalsConstant(c, column))
                    || fixed(f.input(), column);
            case ProjectNode x -> column < x.expressions().size() && x.expressions().get(column) instanceof InputRef in
                    && fixed(x.input(), in.index());
            case IndexScanNode s -> s.probe() ? s.key() instanceof Const k && !k.isNull() && s.or() == null
                    && s.index().columns().size() == 1 && s.index().columns().get(0) == column + 1
                    : s.conditions().stream().anyMatch(c -> equalsConstant(c, column));
            default -> false;
        };
    }

    private static List<BoundExpr> conjuncts(BoundExpr e) {
        return e instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND ? b.arguments() : List.of(e);
    }

    private static boolean equalsConstant(BoundExpr c, int column) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2 || !f.strict() || f.function() >= UserTypes.FIRST_USER_OID) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            if (bare(f.arguments().get(side)) instanceof InputRef in && in.index() == column
                    && f.arguments().get(1 - side) instanceof Const k && !k.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static BoundExpr bare(BoundExpr e) {
        return e instanceof org.lakepg.server.sql.plan.expr.RelabelType r ? bare(r.argument()) : e;
    }

    /**
     * Whether an array condition compares the index's first column: a B-tree reads such a scan's elements in key order
     * (PostgreSQL's build_index_paths keeps the order unless an array condition is on a later column).
     */
    private static boolean onFirstColumn(ScalarArrayOpExpr x, IndexInfo index) {
        BoundExpr left = x.left();
        while (left instanceof org.lakepg.server.sql.plan.expr.RelabelType r) {
            left = r.argument();
        }
        return left instanceof InputRef in && !index.columns().isEmpty() && index.columns().get(0) == in.index() + 1;
    }

    /** The expression with its column references stripped of their names (the index's and the query's may differ). */
    private static BoundExpr unnamed(BoundExpr e) {
        return org.lakepg.server.sql.analyzer.ExprRewriter.map(e, x -> x instanceof InputRef in
                ? new InputRef(in.index(), in.type(), in.typmod(), null) : x);
    }
}
