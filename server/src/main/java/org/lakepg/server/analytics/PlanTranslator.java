package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.Pushdown;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.plan.SortKey;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * Translates a row-engine plan subtree (sequential scan, filter, projection, aggregate, sort, top-N) into a
 * vectorized plan. Scans read only the columns used above them, and a filter over a scan also prunes row groups.
 * Returns empty for anything the columnar engine would not answer exactly like the row engine.
 */
public final class PlanTranslator {

    /** Where the scans of a translated plan read from: at routing a {@link TableScanSlot} per table, bound at each run. */
    @FunctionalInterface
    public interface ScanBinder {
        ScanSource source(SeqScanNode scan, Schema tableSchema);
    }

    private final ScanBinder binder;
    private final List<SeqScanNode> scans = new ArrayList<>();

    private PlanTranslator(ScanBinder binder) {
        this.binder = binder;
    }

    /** The translation and the table scans it reads. */
    public record Translation(PlanNode plan, List<SeqScanNode> scans) {
    }

    public static Optional<Translation> translate(org.lakepg.server.sql.plan.PlanNode node, ScanBinder binder) {
        PlanTranslator t = new PlanTranslator(binder);
        try {
            PlanNode plan = t.node(node, null);
            return plan == null ? Optional.empty() : Optional.of(new Translation(plan, List.copyOf(t.scans)));
        } catch (IllegalArgumentException | UnsupportedValueException unsupported) {
            return Optional.empty();
        }
    }

    /**
     * @param used the input columns the parent reads (null = all): a scan below reads only these, and
     *             {@link #mapping} tells the parent where each one ended up
     */
    private PlanNode node(org.lakepg.server.sql.plan.PlanNode node, TreeSet<Integer> used) {
        return switch (node) {
            case SeqScanNode s -> scan(s, used, null);
            case FilterNode f -> filter(f, used);
            case ProjectNode p -> project(p);
            case AggregateNode a -> aggregate(a);
            case SortNode s -> sort(s);
            case LimitNode l -> limit(l);
            case org.lakepg.server.sql.plan.NestedLoopJoinNode j -> join(j);
            case org.lakepg.server.sql.plan.MergeJoinNode j -> mergeJoin(j);
            default -> null;
        };
    }

    private PlanNode scan(SeqScanNode s, TreeSet<Integer> used, BoundExpr filter) {
        if (s.withTid() || s.table().temporary()) {
            return null;
        }
        Optional<Schema> schema = ColumnTypes.schema(s.table());
        if (schema.isEmpty()) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        if (used == null) {
            for (int i = 0; i < schema.get().size(); i++) {
                columns.add(i);
            }
        } else {
            columns.addAll(used);
        }
        ScanSource source = binder.source(s, schema.get());
        scans.add(s);
        PlanNode.Scan plain = new PlanNode.Scan(source, columns, List.of());
        if (filter == null) {
            return plain;
        }
        Optional<Expr> condition = ExprTranslator.translate(filter, mapping(columns), plain.schema());
        if (condition.isEmpty()) {
            return null;
        }
        List<ColumnPredicate> pushdown = Pushdown.extract(condition.get(), schema.get(), columns);
        return new PlanNode.Filter(new PlanNode.Scan(source, columns, pushdown), condition.get());
    }

    /** Server column index -> position in the pruned column list. */
    private static IntUnaryOperator mapping(List<Integer> columns) {
        return i -> {
            int at = columns.indexOf(i);
            if (at < 0) {
                throw new IllegalArgumentException("column " + i + " was pruned");
            }
            return at;
        };
    }

    private PlanNode filter(FilterNode f, TreeSet<Integer> used) {
        if (f.input() instanceof SeqScanNode s) {
            TreeSet<Integer> all = used == null ? null : new TreeSet<>(used);
            if (all != null) {
                collect(f.condition(), all);
            }
            return scan(s, all, f.condition());
        }
        PlanNode input = node(f.input(), null);
        if (input == null) {
            return null;
        }
        return ExprTranslator.translate(f.condition(), IntUnaryOperator.identity(), input.schema())
                .<PlanNode>map(c -> new PlanNode.Filter(input, c)).orElse(null);
    }

    /** The input of a node reading {@code expressions}: a scan (through a filter) reads only their columns. */
    private PlanNode inputFor(org.lakepg.server.sql.plan.PlanNode input, List<BoundExpr> expressions) {
        if (input instanceof SeqScanNode || input instanceof FilterNode f && f.input() instanceof SeqScanNode) {
            TreeSet<Integer> used = new TreeSet<>();
            expressions.forEach(e -> collect(e, used));
            if (used.isEmpty()) {
                used.add(0); // count(*): one column still gives the row count
            }
            return node(input, used);
        }
        return node(input, null);
    }

    /** How the server's column indexes of {@code input} map into the translated input. */
    private static IntUnaryOperator columnsOf(PlanNode translated) {
        PlanNode scan = translated instanceof PlanNode.Filter f ? f.input() : translated;
        return scan instanceof PlanNode.Scan s ? mapping(s.columns()) : IntUnaryOperator.identity();
    }

    private PlanNode project(ProjectNode p) {
        PlanNode input = inputFor(p.input(), p.expressions());
        if (input == null) {
            return null;
        }
        IntUnaryOperator columns = columnsOf(input);
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BoundExpr e : p.expressions()) {
            Optional<Expr> t = ExprTranslator.translate(e, columns, input.schema());
            if (t.isEmpty()) {
                return null;
            }
            exprs.add(t.get());
            names.add("c" + names.size());
        }
        return new PlanNode.Project(input, exprs, names);
    }

    private PlanNode aggregate(AggregateNode a) {
        if (!a.groupingSets().isEmpty()) {
            return null; // GROUPING SETS stay on the row engine
        }
        List<BoundExpr> read = new ArrayList<>(a.groupKeys());
        for (AggregateCall call : a.aggregates()) {
            if (call.distinct() || call.filter() != null || !call.argumentOrder().isEmpty()
                    || call.arguments().size() > 1) {
                return null;
            }
            read.addAll(call.arguments());
        }
        PlanNode input = inputFor(a.input(), read);
        if (input == null) {
            return null;
        }
        IntUnaryOperator columns = columnsOf(input);
        // one projection below: group keys, then aggregate arguments (plain columns pass through as they are)
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BoundExpr e : read) {
            Optional<Expr> t = ExprTranslator.translate(e, columns, input.schema());
            if (t.isEmpty()) {
                return null;
            }
            exprs.add(t.get());
            names.add("c" + names.size());
        }
        PlanNode.Project projected = new PlanNode.Project(input, exprs, names);
        Schema schema = projected.schema();
        List<Integer> groupBy = new ArrayList<>();
        for (int i = 0; i < a.groupKeys().size(); i++) {
            groupBy.add(i);
        }
        List<AggCall> calls = new ArrayList<>();
        int next = a.groupKeys().size();
        for (AggregateCall call : a.aggregates()) {
            AggCall.Function function = function(call);
            if (function == null) {
                return null;
            }
            AggCall agg = function == AggCall.Function.COUNT_STAR ? AggCall.countStar("a" + calls.size())
                    : AggCall.of(function, next++, "a" + calls.size());
            PgType result = agg.resultType(agg.column() < 0 ? null : schema.column(agg.column()).type());
            if (result.oid() != call.resultType()) {
                return null;
            }
            calls.add(agg);
        }
        return new PlanNode.Aggregate(projected, groupBy, calls);
    }

    private static AggCall.Function function(AggregateCall call) {
        boolean star = call.arguments().isEmpty();
        return switch (call.name()) {
            case "count" -> star ? AggCall.Function.COUNT_STAR : AggCall.Function.COUNT;
            case "sum" -> star ? null : AggCall.Function.SUM;
            case "avg" -> star ? null : AggCall.Function.AVG;
            case "min" -> star ? null : AggCall.Function.MIN;
            case "max" -> star ? null : AggCall.Function.MAX;
            default -> null;
        };
    }

    private PlanNode sort(SortNode s) {
        PlanNode input = node(s.input(), null);
        if (input == null) {
            return null;
        }
        List<SortKey> keys = new ArrayList<>();
        for (var k : s.keys()) {
            if (!ColumnTypes.comparable(input.schema().column(k.column()).type())) {
                return null;
            }
            keys.add(new SortKey(k.column(), k.descending(), k.nullsFirst()));
        }
        return new PlanNode.Sort(input, keys, OptionalLong.empty());
    }

    private PlanNode limit(LimitNode l) {
        if (!l.ties().isEmpty()) {
            return null; // WITH TIES stays on the row engine
        }
        boolean noOffset = l.offset() == null || l.offset() instanceof Const c && (c.value() == null
                || c.value() instanceof Long n && n == 0);
        if (!noOffset || !(l.count() instanceof Const c) || !(c.value() instanceof Long count) || count < 0) {
            return null;
        }
        PlanNode input = node(l.input(), null);
        if (input == null) {
            return null;
        }
        if (input instanceof PlanNode.Sort s && s.limit().isEmpty()) {
            return new PlanNode.Sort(s.input(), s.keys(), OptionalLong.of(count));
        }
        return new PlanNode.Limit(input, count);
    }

    /**
     * The row planner's hash join: a nested loop whose inner side is a hash lookup of the right input, probed with
     * left columns (handed down as outer parameters, one per key). Other join conditions become a filter above an
     * inner join. A Hash Right Join (the hashed side preserved) is the columnar LEFT join of the sides swapped.
     */
    private PlanNode join(org.lakepg.server.sql.plan.NestedLoopJoinNode j) {
        PlanNode.JoinType type = switch (j.kind()) {
            case INNER -> PlanNode.JoinType.INNER;
            case LEFT, RIGHT -> PlanNode.JoinType.LEFT;
            default -> null;
        };
        if (type == null || !j.hashed() || (j.condition() != null && type == PlanNode.JoinType.LEFT)) {
            return null;
        }
        var h = (org.lakepg.server.sql.plan.HashLookupNode) j.right();
        List<Integer> probes = new ArrayList<>();
        for (int k = 0; k < h.keys().size(); k++) {
            if (!(h.keys().get(k) instanceof org.lakepg.server.sql.plan.expr.OuterParam p)
                    || p.id() != j.lateral().get(k).id() || !(j.lateral().get(k).value() instanceof InputRef probe)) {
                return null;
            }
            probes.add(probe.index());
        }
        PlanNode left = node(j.left(), null);
        PlanNode right = left == null ? null : node(h.input(), null);
        if (right == null) {
            return null;
        }
        for (int k = 0; k < probes.size(); k++) {
            if (!ColumnTypes.comparable(left.schema().column(probes.get(k)).type())
                    || !ColumnTypes.comparable(right.schema().column(h.keyColumns().get(k)).type())) {
                return null;
            }
        }
        if (j.kind() == org.lakepg.server.sql.plan.NestedLoopJoinNode.Kind.RIGHT) {
            // the preserved (hashed) side's rows kept, then its columns put back after the probing side's
            PlanNode swapped = new PlanNode.HashJoin(right, left, h.keyColumns(), probes, type);
            int hashedWidth = right.schema().size();
            int probingWidth = left.schema().size();
            List<Expr> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < probingWidth + hashedWidth; i++) {
                columns.add(Expr.column(i < probingWidth ? hashedWidth + i : i - probingWidth));
                names.add("c" + i);
            }
            return new PlanNode.Project(swapped, columns, names);
        }
        PlanNode join = new PlanNode.HashJoin(left, right, probes, h.keyColumns(), type);
        if (j.condition() == null) {
            return join;
        }
        return ExprTranslator.translate(j.condition(), IntUnaryOperator.identity(), join.schema())
                .<PlanNode>map(c -> new PlanNode.Filter(join, c)).orElse(null);
    }

    /** The row planner's merge join: the same equi-join, hashed here (the inputs' sorts are not needed). */
    private PlanNode mergeJoin(org.lakepg.server.sql.plan.MergeJoinNode j) {
        PlanNode.JoinType type = switch (j.kind()) {
            case INNER -> PlanNode.JoinType.INNER;
            case LEFT -> PlanNode.JoinType.LEFT;
            default -> null;
        };
        if (type == null || j.condition() != null && type == PlanNode.JoinType.LEFT) {
            return null;
        }
        PlanNode left = node(unsorted(j.left()), null);
        PlanNode right = left == null ? null : node(unsorted(j.right()), null);
        if (right == null) {
            return null;
        }
        List<Integer> leftKeys = j.leftKeys().stream().map(k -> k.column()).toList();
        List<Integer> rightKeys = j.rightKeys().stream().map(k -> k.column()).toList();
        for (int i = 0; i < leftKeys.size(); i++) {
            if (!ColumnTypes.comparable(left.schema().column(leftKeys.get(i)).type())
                    || !ColumnTypes.comparable(right.schema().column(rightKeys.get(i)).type())) {
                return null;
            }
        }
        PlanNode join = new PlanNode.HashJoin(left, right, leftKeys, rightKeys, type);
        if (j.condition() == null) {
            return join;
        }
        return ExprTranslator.translate(j.condition(), IntUnaryOperator.identity(), join.schema())
                .<PlanNode>map(c -> new PlanNode.Filter(join, c)).orElse(null);
    }

    private static org.lakepg.server.sql.plan.PlanNode unsorted(org.lakepg.server.sql.plan.PlanNode p) {
        return p instanceof SortNode s ? s.input() : p;
    }

    private static void collect(BoundExpr e, TreeSet<Integer> out) {
        switch (e) {
            case InputRef r -> out.add(r.index());
            case org.lakepg.server.sql.plan.expr.FuncExpr f -> f.arguments().forEach(a -> collect(a, out));
            case org.lakepg.server.sql.plan.expr.BoolExpr b -> b.arguments().forEach(a -> collect(a, out));
            case org.lakepg.server.sql.plan.expr.NullTest n -> collect(n.argument(), out);
            case org.lakepg.server.sql.plan.expr.RelabelType r -> collect(r.argument(), out);
            default -> { }
        }
    }
}
