package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Nested loops whose inner side is a scan of a multi-column B-tree index under conditions on the outer row
 * (PostgreSQL's parameterized index paths, build_index_paths with join clauses): the equalities of the join that
 * hold the index's leading columns to outer values become the scan's index conditions, evaluated again for each
 * outer row, so {@code t3.thousand = t1.unique1 AND t3.tenthous = t2.hundred} reads only the matching entries of
 * {@code (thousand, tenthous)}. One-column indexes are JoinMethods' equality probe.
 */
final class ParameterizedIndexScans {
    private ParameterizedIndexScans() {}

    /**
     * One nested loop per index of {@code inner}'s table whose leading column the {@code conditions} (over the
     * outer columns, then the inner ones) equate to an outer value.
     */
    static List<PlanNode> loops(NestedLoopJoinNode.Kind kind, PlanNode outer, PlanNode inner, List<BoundExpr> conditions,
                                IntSupplier paramIds, Function<TableInfo, List<IndexInfo>> indexes) {
        List<PlanNode> out = new ArrayList<>();
        SeqScanNode scan = inner instanceof SeqScanNode s ? s
                : inner instanceof FilterNode f && f.input() instanceof SeqScanNode s ? s : null;
        if (scan == null) {
            return out;
        }
        int outerWidth = outer.width();
        for (IndexInfo index : indexes.apply(scan.table())) {
            if (!index.plain() || index.gin()) {
                continue;
            }
            List<BoundExpr> indexConditions = new ArrayList<>();
            List<Correlation> correlations = new ArrayList<>();
            List<BoundExpr> remaining = new ArrayList<>(conditions);
            for (short attnum : index.columns()) {
                BoundExpr used = null;
                for (BoundExpr c : remaining) {
                    BoundExpr keyed = keyed(c, attnum - 1, outerWidth, scan.table(), paramIds, correlations);
                    if (keyed != null) {
                        indexConditions.add(keyed);
                        used = c;
                        break;
                    }
                }
                if (used == null) {
                    break; // a later column without its leading ones bounds nothing
                }
                remaining.remove(used);
            }
            if (indexConditions.isEmpty()) {
                continue;
            }
            BoundExpr joinFilter = remaining.isEmpty() ? null : Conjuncts.and(remaining);
            long firstType = scan.table().columns().get(index.columns().get(0) - 1).type();
            if (index.columns().size() >= 2 || !HashLookups.hashable(firstType, firstType)) {
                // (one-column indexes are JoinMethods' equality probe, for the types it hashes)
                IndexScanNode ordered = IndexScanNode.ordered(scan.table(), index, indexConditions, false, false,
                        scan.alias());
                out.add(new NestedLoopJoinNode(kind, outer, filtered(scan, inner, ordered), joinFilter, correlations));
            }
            // a Bitmap Heap Scan under the same conditions: each run reads its matches in page order, cheaper than
            // an index scan when they are many and scattered (PostgreSQL's parameterized bitmap path)
            // an inner join's equality comes from its equivalence class, built index column first (Recheck Cond
            // shows it so); an outer join's ON condition keeps its written form
            List<BoundExpr> bitmapConditions = kind == NestedLoopJoinNode.Kind.INNER
                    ? indexConditions.stream().map(ParameterizedIndexScans::columnFirst).toList() : indexConditions;
            IndexScanNode bitmap = IndexScanNode.bitmap(scan.table(), index, bitmapConditions, scan.alias());
            out.add(new NestedLoopJoinNode(kind, outer, filtered(scan, inner, bitmap), joinFilter, correlations));
        }
        return out;
    }

    /** {@code outer value = column} as {@code column = outer value} when both sides have one type. */
    static BoundExpr columnFirst(BoundExpr condition) {
        if (condition instanceof FuncExpr f && f.arguments().size() == 2 && f.name().equals("=")
                && !(unwrap(f.arguments().get(0)) instanceof InputRef) && f.arguments().get(1) instanceof InputRef in
                && f.arguments().get(0).type() == in.type()) {
            return new FuncExpr(f.function(), f.name(), f.source(), f.form(), List.of(in, f.arguments().get(0)),
                    f.strict(), f.volatility(), f.type(), f.typmod());
        }
        return condition;
    }

    /** The parameterized scan in place of the inner side's table scan, under its filter if it had one. */
    private static PlanNode filtered(SeqScanNode scan, PlanNode inner, IndexScanNode parameterized) {
        PlanNode innerScan = scan.withTid() ? parameterized.withTids() : parameterized;
        return inner instanceof FilterNode f ? new FilterNode(innerScan, f.condition()) : innerScan;
    }

    /**
     * {@code inner column = outer value} (either way round) on table column {@code column}, as an index condition
     * over the table's row with the outer value as a parameter; null when {@code c} is not one.
     */
    private static BoundExpr keyed(BoundExpr c, int column, int outerWidth, TableInfo table, IntSupplier paramIds,
                                   List<Correlation> correlations) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            BoundExpr value = f.arguments().get(1 - side);
            if (!(f.arguments().get(side) instanceof InputRef in) || in.index() - outerWidth != column
                    || refs(value).nextSetBit(outerWidth) >= 0 || !pushable(value)
                    || refs(value).isEmpty() && !enclosingValue(value)
                    || !IndexSelection.sameKeyFamily(table.columns().get(column).type(), value.type())) {
                continue;
            }
            if (refs(value).isEmpty()) {
                // a value an enclosing loop passes in (a parameterized join): the index condition reads it directly
                return columnFirst(new FuncExpr(f.function(), f.name(), f.source(), f.form(), List.of(
                        side == 0 ? new InputRef(column, in.type(), in.typmod(), in.name()) : value,
                        side == 0 ? value : new InputRef(column, in.type(), in.typmod(), in.name())),
                        f.strict(), f.volatility(), f.type(), f.typmod()));
            }
            int id = paramIds.getAsInt();
            correlations.add(new Correlation(id, value));
            List<BoundExpr> arguments = new ArrayList<>(2);
            arguments.add(null);
            arguments.add(null);
            arguments.set(side, new InputRef(column, in.type(), in.typmod(), in.name()));
            arguments.set(1 - side, new OuterParam(id, value.type(), value.typmod(), null));
            return new FuncExpr(f.function(), f.name(), f.source(), f.form(), arguments, f.strict(), f.volatility(),
                    f.type(), f.typmod());
        }
        return null;
    }

    /** A value reading no row but an enclosing loop's parameters (and constants). */
    private static boolean enclosingValue(BoundExpr value) {
        return org.lakepg.server.sql.analyzer.ExprRewriter.any(value, x -> x instanceof OuterParam)
                && !IndexSelection.dependsOnRow(value);
    }

    /** The inner side of a nested loop when it is such a scan (optionally filtered), else null. */
    static IndexScanNode scan(PlanNode inner) {
        IndexScanNode s = inner instanceof IndexScanNode x ? x
                : inner instanceof FilterNode f && f.input() instanceof IndexScanNode x ? x : null;
        if (s == null || s.probe() || s.bitmap()) {
            return null;
        }
        return parameterized(s) ? s : null;
    }

    /** The inner side of a nested loop when it is such a bitmap scan (optionally filtered), else null. */
    static IndexScanNode bitmapScan(PlanNode inner) {
        IndexScanNode s = inner instanceof IndexScanNode x ? x
                : inner instanceof FilterNode f && f.input() instanceof IndexScanNode x ? x : null;
        return s != null && s.bitmap() && s.or() == null && parameterized(s) ? s : null;
    }

    private static boolean parameterized(IndexScanNode s) {
        for (BoundExpr c : s.conditions()) {
            if (c instanceof FuncExpr f && f.arguments().stream().anyMatch(a -> unwrap(a) instanceof OuterParam)) {
                return true;
            }
        }
        return false;
    }
}
