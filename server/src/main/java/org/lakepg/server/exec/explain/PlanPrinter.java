package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ProjectSetNode;
import org.lakepg.server.sql.plan.RecursiveUnionNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WorkTableScanNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * EXPLAIN's text layout (PostgreSQL's explain.c): one line per plan node, children after
 * {@code ->}, details such as {@code Filter:} and {@code Sort Key:} indented under their node,
 * CTEs and InitPlans before a node's children and SubPlans after them. Projections are not nodes of
 * their own and a filter is shown on the node it filters, as PostgreSQL plans them.
 */
public final class PlanPrinter {
    private final ExplainOptions options;
    private final Map<PlanNode, NodeStats> stats;
    private final ExprDeparser deparser;
    private final List<String> lines = new ArrayList<>();
    private final Map<PlanNode, Boolean> printedCtes = new IdentityHashMap<>();
    /** Hash lookups shown as the Hash side of a Hash Join (elsewhere they are not shown). */
    private final Map<PlanNode, Boolean> hashSides = new IdentityHashMap<>();
    private int subplanNumber;
    private final Map<String, Integer> aliasesSeen = new java.util.HashMap<>();
    private int initParam;
    /** What a nested loop's parameters stand for: the outer row's expressions an inner index scan is keyed by. */
    private final Map<Integer, String> outerValues = new java.util.HashMap<>();
    /** The subplans met while printing the current node's details: InitPlans first, SubPlans after children. */
    private List<Object[]> pendingSubplans = new ArrayList<>();

    private final org.lakepg.server.sql.optimizer.CostModel costs;
    private final TypeCatalog types;

    public PlanPrinter(ExplainOptions options, Map<PlanNode, NodeStats> stats, TypeCatalog types, TypeIO io,
                       FunctionContext context, PlanNode root, org.lakepg.server.sql.optimizer.PlannerContext planner) {
        this.options = options;
        this.types = types;
        this.costs = new org.lakepg.server.sql.optimizer.CostModel(planner);
        this.stats = new IdentityHashMap<>(stats);
        this.deparser = new ExprDeparser(types, io, context, options.verbose() || relations(root) > 1, this::subplan);
    }

    public List<String> print(PlanNode root) {
        node(root, 0, false, null, root, null);
        return lines;
    }

    /** The Bitmap Index Scans shown below a bitmap scan's Bitmap Heap Scan (copies of its node). */
    private final Map<PlanNode, Boolean> bitmapIndexParts = new IdentityHashMap<>();

    /** The InitPlans printed so far and the parameter each returns. */
    private final Map<SubqueryExpr, String> shownInitPlans = new IdentityHashMap<>();

    private String subplan(SubqueryExpr q) {
        int number = ++subplanNumber;
        boolean init = !q.correlated() && (q.kind() == SubqueryExpr.Kind.SCALAR || q.kind() == SubqueryExpr.Kind.EXISTS
                || q.kind() == SubqueryExpr.Kind.ARRAY);
        if (init && shownInitPlans.containsKey(q)) {
            return shownInitPlans.get(q); // one InitPlan however often its value is referenced
        }
        if (init) {
            int param = initParam++;
            shownInitPlans.put(q, "$" + param);
            pendingSubplans.add(new Object[] {"InitPlan " + number + " (returns $" + param + ")", q.plan(), true});
            return "$" + param;
        }
        pendingSubplans.add(new Object[] {"SubPlan " + number, q.plan(), false});
        boolean hashed = !q.correlated();
        return (hashed ? "hashed " : "") + "SubPlan " + number;
    }

    private static int relations(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> 1;
            case IndexScanNode s -> 1;
            case FunctionScanNode f -> 1;
            case CteScanNode c -> 1;
            case WorkTableScanNode w -> 1;
            case ValuesNode v -> 1;
            // INTERSECT/EXCEPT read each side as its own subquery, whose columns need no qualification
            case SetOpNode s when s.kind() != SetOpNode.Kind.UNION -> Math.max(relations(s.left()), relations(s.right()));
            // the members of an inheritance scan stand for one relation of the query
            case AppendNode a when a.inputs().stream().allMatch(PlanPrinter::scanOfTable) -> 1;
            default -> children(p).stream().mapToInt(PlanPrinter::relations).sum();
        };
    }

    /** The plan's children as EXPLAIN shows them: a projection over a bare Result prints as one node. */
    private static List<PlanNode> children(PlanNode p) {
        if (p instanceof ProjectNode x && x.input() instanceof ResultNode) {
            return List.of();
        }
        return org.lakepg.server.sql.plan.PlanNodes.children(p);
    }

    /** What a node's output columns are called, for the expressions of the nodes above it. */
    private List<String> outputs(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> tableColumns(s.table(), s.alias());
            case IndexScanNode s -> tableColumns(s.table(), s.alias());
            case ProjectNode x -> {
                IntFunction<String> below = names(x.input());
                yield x.expressions().stream().map(e -> deparser.deparse(e, below)).toList();
            }
            case AggregateNode a -> {
                IntFunction<String> below = names(a.input());
                List<String> out = new ArrayList<>();
                a.groupKeys().forEach(k -> out.add(deparser.deparse(k, below)));
                a.aggregates().forEach(c -> out.add(aggregate(c, below)));
                if (a.groupingSetColumn() >= 0) {
                    out.add("GROUPING SET");
                }
                yield out;
            }
            case org.lakepg.server.sql.plan.MergeJoinNode j -> {
                List<String> out = new ArrayList<>(outputs(j.left()));
                out.addAll(outputs(j.right()));
                yield out;
            }
            case NestedLoopJoinNode j -> {
                List<String> out = new ArrayList<>(outputs(j.left()));
                out.addAll(outputs(j.right()));
                yield out;
            }
            case ValuesNode v -> {
                List<String> out = new ArrayList<>();
                for (int i = 1; i <= v.width(); i++) {
                    out.add("\"*VALUES*\".column" + i);
                }
                yield out;
            }
            case org.lakepg.server.sql.plan.ColumnarNode c -> outputs(c.rowPlan());
            case org.lakepg.server.sql.plan.LockRowsNode l -> l.keepRow() ? outputs(l.input())
                    : outputs(l.input()).subList(0, l.tidColumn());
            case ModifyNode m -> {
                IntFunction<String> below = names(m.input());
                yield m.returning().stream().map(e -> deparser.deparse(e, below)).toList();
            }
            default -> {
                List<PlanNode> children = children(p);
                yield children.isEmpty() ? List.of() : outputs(children.get(0));
            }
        };
    }

    /**
     * Whether PostgreSQL could hash the set operation's columns (grouping_is_hashable): not money or bit strings,
     * whose equality is not hashable, nor anonymous records, whose typcache entry reports no hashing in set operations.
     */
    private boolean hashable(SetOpNode s) {
        return s.keys().stream().map(SortKey::comparisonSource)
                .noneMatch(f -> "cash_cmp".equals(f) || "bitcmp".equals(f) || "varbitcmp".equals(f)
                        || "btrecordcmp".equals(f))
                && s.columns().stream().noneMatch(c -> UNHASHABLE_ELEMENTS.contains(elementType(c.type())));
    }

    /** money, bit and varbit: an array of them cannot be hashed either (hash_array needs the element's hash). */
    private static final java.util.Set<Long> UNHASHABLE_ELEMENTS = java.util.Set.of(790L, 1560L, 1562L);

    private long elementType(long type) {
        return types.type(type).map(t -> t.category() == 'A' ? t.elementType() : 0L).orElse(0L);
    }

    private IntFunction<String> names(PlanNode p) {
        List<String> out = outputs(p);
        return i -> i < out.size() ? out.get(i) : null;
    }

    private static List<String> tableColumns(org.lakepg.server.table.TableInfo table, String alias) {
        String qualifier = alias != null ? alias : table.name();
        return table.columns().stream().map(c -> qualifier + "." + c.name()).toList();
    }

    private String aggregate(AggregateCall c, IntFunction<String> below) {
        String args = c.arguments().isEmpty() ? "*"
                : String.join(", ", c.arguments().stream().map(a -> deparser.deparse(a, below)).toList());
        return c.name() + "(" + (c.distinct() ? "DISTINCT " : "") + args + ")";
    }

    /** A table read twice without an alias is shown as t, then t t_1, t t_2 ..., as PostgreSQL names them. */
    private String uniqueAlias(String table, String alias) {
        String name = alias != null ? alias : table;
        int seen = aliasesSeen.merge(name, 1, Integer::sum);
        return seen == 1 ? alias : name + "_" + (seen - 1);
    }

    private static String alias(String title, String name, String alias) {
        return alias == null || alias.equals(name) ? title + name : title + name + " " + alias;
    }

    private void line(int indent, String text) {
        lines.add(" ".repeat(indent * 2) + text);
    }

    /**
     * @param statsNode the node whose measurements this line shows (the top of what it folds together)
     * @param filter a filter folded into this node, or null
     */
    private void node(PlanNode p, int indent, boolean child, String planName, PlanNode statsNode, BoundExpr filter) {
        // nodes PostgreSQL does not show on their own
        if (p instanceof ProjectNode x && !(x.input() instanceof ResultNode)) {
            // a filter folded through the projection reads the projection's expressions over its input
            BoundExpr below = filter == null ? null : org.lakepg.server.sql.analyzer.ExprRewriter.map(filter,
                    e -> e instanceof org.lakepg.server.sql.plan.expr.InputRef in && in.index() < x.expressions().size()
                            ? x.expressions().get(in.index()) : e);
            node(x.input(), indent, child, planName, statsNode, below);
            return;
        }
        if (p instanceof org.lakepg.server.sql.plan.HashLookupNode h && !hashSides.containsKey(h)) {
            node(h.input(), indent, child, planName, statsNode, filter);
            return;
        }
        if (p instanceof ModifyingCtesNode m) {
            node(m.input(), indent, child, planName, statsNode, filter);
            return;
        }
        if (p instanceof FilterNode f) {
            BoundExpr combined = filter == null ? f.condition()
                    : new BoolExpr(BoolExpr.Kind.AND, List.of(f.condition(), filter));
            node(f.input(), indent, child, planName, statsNode, combined);
            return;
        }
        List<Object[]> outerPending = pendingSubplans;
        pendingSubplans = new ArrayList<>();
        List<String[]> details = new ArrayList<>();
        List<PlanNode> children = new ArrayList<>(children(p));
        String title = title(p, details, filter, children);
        if (options.analyze()) {
            // what the operator reported about its run (Sort Method, Batches); a folded node reports on its own
            for (PlanNode measuredNode : statsNode == null || statsNode == p ? List.of(p) : List.of(p, statsNode)) {
                NodeStats measured = stats.get(measuredNode);
                if (measured != null) {
                    measured.details.forEach((name, value) -> details.add(new String[] {name, value}));
                }
            }
        }
        if (planName != null) {
            line(indent, planName);
            indent++;
        }
        if (child) {
            line(indent, "->  " + title + annotation(p, statsNode));
            indent += 2;
        } else {
            line(indent, title + annotation(p, statsNode));
        }
        indent++;
        for (String[] d : details) {
            line(indent, d[0] + ": " + d[1]);
        }
        List<Object[]> subplans = pendingSubplans;
        pendingSubplans = outerPending;
        for (Object[] s : subplans) {
            if ((Boolean) s[2]) {
                node((PlanNode) s[1], indent, true, (String) s[0], (PlanNode) s[1], null);
            }
        }
        if (!child && planName == null) {
            printCtes(p, indent);
        }
        for (PlanNode c : children) {
            if (materialized.containsKey(c)) {
                wrapped("Materialize", c, indent);
                continue;
            }
            if (wrappers.containsKey(c)) {
                wrapped(wrappers.get(c), c, indent);
                continue;
            }
            node(c, indent, true, null, c, null);
        }
        for (Object[] s : subplans) {
            if (!(Boolean) s[2]) {
                node((PlanNode) s[1], indent, true, (String) s[0], (PlanNode) s[1], null);
            }
        }
    }

    /** The WITH items of the statement, each once, before the top node's children. */
    private final Map<PlanNode, Boolean> materialized = new IdentityHashMap<>();

    /** Sorts the printer adds whose keys are named otherwise than by their input (a sorted SetOp's subquery columns). */
    private final Map<PlanNode, String> shownSortKeys = new IdentityHashMap<>();

    /** Nodes PostgreSQL shows above one of ours (Materialize, Subquery Scan), by the node they wrap. */
    private final Map<PlanNode, String> wrappers = new IdentityHashMap<>();

    /** A node PostgreSQL puts above one of ours (a nested loop's inner Materialize, a set operation's Subquery Scan). */
    private void wrapped(String title, PlanNode inner, int indent) {
        String costs = "";
        if (options.costs()) {
            var e = this.costs.estimate(inner);
            // materializing writes each row once more: PostgreSQL's cost_material charges 2 * cpu_operator_cost a row
            double extra = title.equals("Materialize") ? 2 * this.costs.settings().cpuOperatorCost() * e.rows() : 0;
            costs = String.format("  (cost=%.2f..%.2f rows=%d width=%d)", e.startup(), e.total() + extra, e.shownRows(),
                    e.width());
        }
        line(indent, "->  " + title + costs + analyzeOnly(inner));
        node(inner, indent + 3, true, null, inner, null);
    }

    private String annotationCosts(PlanNode p) {
        var e = costs.estimate(p);
        return String.format("  (cost=%.2f..%.2f rows=%d width=%d)", e.startup(), e.total(), e.shownRows(), e.width());
    }

    private String analyzeOnly(PlanNode p) {
        if (!options.analyze()) {
            return "";
        }
        NodeStats s = stats.get(p);
        if (s == null || s.loops == 0) {
            return " (never executed)";
        }
        return options.timing()
                ? String.format(" (actual time=%.3f..%.3f rows=%d loops=%d)", 0.0, s.totalNanos / 1e6, s.rows, s.loops)
                : String.format(" (actual rows=%d loops=%d)", s.rows, s.loops);
    }

    private static boolean scanOfTable(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> true;
            case IndexScanNode s -> true;
            case FilterNode f -> scanOfTable(f.input());
            case ProjectNode x -> scanOfTable(x.input());
            default -> false;
        };
    }

    private void printCtes(PlanNode root, int indent) {
        for (CteScanNode cte : cteScans(root, new ArrayList<>())) {
            if (printedCtes.put(cte.cte(), true) == null) {
                node(cte.cte(), indent, true, "CTE " + cte.cteName(), cte.cte(), null);
            }
        }
    }

    private List<CteScanNode> cteScans(PlanNode p, List<CteScanNode> out) {
        if (p instanceof CteScanNode c) {
            if (out.stream().noneMatch(x -> x.cte() == c.cte())) {
                cteScans(c.cte(), out);
                out.add(c);
            }
            return out;
        }
        if (p instanceof ModifyingCtesNode m) {
            m.ctes().forEach(c -> {
                if (out.stream().noneMatch(x -> x.cte() == c.cte())) {
                    out.add(c);
                }
            });
        }
        for (PlanNode c : children(p)) {
            cteScans(c, out);
        }
        return out;
    }

    private String annotation(PlanNode p, PlanNode statsNode) {
        StringBuilder out = new StringBuilder();
        if (options.costs()) {
            out.append(annotationCosts(statsNode));
        }
        if (options.analyze()) {
            NodeStats s = stats.get(statsNode);
            if (s == null || s.loops == 0) {
                out.append(" (never executed)");
            } else {
                long rows = Math.round((double) s.rows / s.loops);
                out.append(" ");
                if (options.timing()) {
                    out.append(String.format("(actual time=%.3f..%.3f rows=%d loops=%d)",
                            Math.max(0, s.firstRowNanos) / 1e6 / s.loops, s.totalNanos / 1e6 / s.loops, rows, s.loops));
                } else {
                    out.append(String.format("(actual rows=%d loops=%d)", rows, s.loops));
                }
            }
        }
        return out.toString();
    }

    /**
     * How a node above names column {@code i} of {@code input}: a value the input computes is parenthesized, as
     * PostgreSQL's get_variable shows a reference to a subplan's non-Var output.
     */
    private static String referenced(PlanNode input, int i, IntFunction<String> names) {
        String name = names.apply(i);
        boolean computed = input instanceof ProjectNode x && i < x.expressions().size() && !(unwrap(x.expressions().get(i)) instanceof InputRef);
        return computed && name != null ? "(" + name + ")" : name;
    }

    private String sortKeys(List<SortKey> keys, IntFunction<String> column) {
        List<String> parts = new ArrayList<>();
        for (SortKey k : keys) {
            String text = column.apply(k.column());
            if (k.descending()) {
                text += " DESC";
                if (!k.nullsFirst()) {
                    text += " NULLS LAST";
                }
            } else if (k.nullsFirst()) {
                text += " NULLS FIRST";
            }
            parts.add(text);
        }
        return String.join(", ", parts);
    }

    private String quals(BoundExpr e, IntFunction<String> columns) {
        String text = deparser.deparse(e, columns);
        // a constant prints bare, as get_rule_expr shows it ("One-Time Filter: false")
        return text.startsWith("(") || text.startsWith("$") || e instanceof org.lakepg.server.sql.plan.expr.Const
                ? text : "(" + text + ")";
    }

    private String title(PlanNode p, List<String[]> details, BoundExpr filter, List<PlanNode> children) {
        IntFunction<String> own = names(p);
        String title = switch (p) {
            case SeqScanNode s -> alias("Seq Scan on ", s.table().name(), uniqueAlias(s.table().name(), s.alias()));
            case IndexScanNode s when !s.probe() -> {
                String conditions = null;
                String indexConditions = null;
                if (!s.conditions().isEmpty()) {
                    List<String> plain = s.table().columns().stream().map(c -> c.name()).toList();
                    IntFunction<String> columns = options.verbose() ? own : i -> i < plain.size() ? plain.get(i) : own.apply(i);
                    conditions = quals(s.conditions().size() == 1 ? s.conditions().get(0)
                            : new BoolExpr(BoolExpr.Kind.AND, s.conditions()), columns);
                    // an index condition shows the indexed column on the left, as PostgreSQL commutes it
                    List<BoundExpr> commuted = s.conditions().stream().map(PlanPrinter::columnFirst).toList();
                    indexConditions = quals(commuted.size() == 1 ? commuted.get(0)
                            : new BoolExpr(BoolExpr.Kind.AND, commuted), columns);
                }
                if (bitmapIndexParts.containsKey(s)) {
                    details.add(new String[] {"Index Cond", indexConditions});
                    yield "Bitmap Index Scan on " + s.index().name();
                }
                if (s.bitmap()) {
                    // PostgreSQL's two nodes: the heap scan re-checks what the index scan below it found
                    details.add(new String[] {"Recheck Cond", conditions});
                    IndexScanNode indexPart = s.asIndexOnly(false);
                    bitmapIndexParts.put(indexPart, true);
                    stats.putIfAbsent(indexPart, stats.get(s));
                    children.add(indexPart);
                    String shown = uniqueAlias(s.table().name(), s.alias());
                    yield "Bitmap Heap Scan on " + s.table().name()
                            + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
                }
                if (indexConditions != null) {
                    details.add(new String[] {"Index Cond", indexConditions});
                }
                String shown = uniqueAlias(s.table().name(), s.alias());
                yield (s.indexOnly() ? "Index Only Scan" : "Index Scan") + (s.backward() ? " Backward" : "")
                        + " using " + s.index().name() + " on " + s.table().name()
                        + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
            }
            case IndexScanNode s -> {
                String column = s.table().columns().get(s.index().columns().get(0) - 1).name();
                String key = s.key() instanceof org.lakepg.server.sql.plan.expr.OuterParam op && outerValues.containsKey(op.id())
                        ? outerValues.get(op.id()) : deparser.deparse(s.key(), i -> null);
                details.add(new String[] {"Index Cond", "(" + column + " = " + key + ")"});
                filter = withoutIndexCondition(filter, s.index().columns().get(0) - 1);
                String shown = uniqueAlias(s.table().name(), s.alias());
                yield (s.indexOnly() ? "Index Only Scan" : "Index Scan") + " using " + s.index().name() + " on " + s.table().name()
                        + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
            }
            case ValuesNode v -> {
                if (v.rows().size() == 1) {
                    yield "Result";
                }
                // a second VALUES list of the statement is *VALUES*_1, as PostgreSQL names its range table entries
                String shown = uniqueAlias("*VALUES*", null);
                yield "Values Scan on \"" + (shown == null ? "*VALUES*" : shown) + "\"";
            }
            case org.lakepg.server.sql.plan.SystemScanNode s -> "Seq Scan on " + s.relation().name();
            case ResultNode r -> "Result";
            case org.lakepg.server.sql.plan.LockRowsNode l -> "LockRows";
            case org.lakepg.server.sql.plan.ColumnarNode c -> {
                List<String> shown = c.query().explain();
                for (String more : shown.subList(1, shown.size())) {
                    int colon = more.indexOf(": ");
                    details.add(colon < 0 ? new String[] {"Also", more}
                            : new String[] {more.substring(0, colon), more.substring(colon + 2)});
                }
                yield shown.get(0);
            }
            case ProjectNode x -> "Result";
            case SortNode s -> {
                IntFunction<String> below = names(s.input());
                details.add(new String[] {"Sort Key", shownSortKeys.containsKey(s) ? shownSortKeys.get(s)
                        : sortKeys(s.keys(), i -> referenced(s.input(), i, below))});
                yield "Sort";
            }
            case LimitNode l -> "Limit";
            case AggregateNode a -> {
                if (!a.groupingSets().isEmpty()) {
                    IntFunction<String> below = names(a.input());
                    for (List<Integer> set : a.groupingSets()) {
                        details.add(new String[] {"Group Key", set.isEmpty() ? "()" : String.join(", ",
                                set.stream().map(k -> deparser.deparse(a.groupKeys().get(k), below)).toList())});
                    }
                    yield "MixedAggregate";
                }
                if (a.groupKeys().isEmpty()) {
                    yield "Aggregate";
                }
                IntFunction<String> below = names(a.input());
                if (!costs.settings().hashAgg()) {
                    // with hashing disabled PostgreSQL sorts by the keys and aggregates each run of equal keys; the
                    // groups come out in key order, as ours always do
                    PlanNode keys = new ProjectNode(a.input(), a.groupKeys());
                    SortNode sort = new SortNode(keys, a.keyOrder());
                    children.clear();
                    children.add(sort);
                    stats.putIfAbsent(sort, stats.get(a.input()));
                    IntFunction<String> sorted = names(keys);
                    details.add(new String[] {"Group Key", String.join(", ",
                            a.keyOrder().stream().map(k -> referenced(keys, k.column(), sorted)).toList())});
                    yield "GroupAggregate";
                }
                details.add(new String[] {"Group Key", String.join(", ",
                        a.keyOrder().stream().map(k -> deparser.deparse(a.groupKeys().get(k.column()), below)).toList())});
                yield "HashAggregate";
            }
            case DistinctNode d when d.input() instanceof SortNode -> "Unique";
            case DistinctNode d -> {
                IntFunction<String> below = names(d.input());
                List<String> keys = new ArrayList<>();
                for (SortKey k : d.keys()) {
                    keys.add(below.apply(k.column()));
                }
                details.add(new String[] {"Group Key", String.join(", ", keys)});
                yield "HashAggregate";
            }
            case AppendNode a -> "Append";
            case SetOpNode s -> {
                children.clear();
                PlanNode append = new AppendNode(List.of(s.left(), s.right()), s.width());
                boolean hashed = costs.settings().hashAgg() && hashable(s);
                if (s.kind() == SetOpNode.Kind.UNION && !hashed) {
                    // the rows are counted in sorted order: with hashing disabled, or for a type PostgreSQL cannot
                    // hash, it shows that as Unique over Sort (no Sort when there are no columns to sort by)
                    children.add(s.width() == 0 ? append : new SortNode(append, s.keys()));
                    yield "Unique";
                }
                if (s.kind() == SetOpNode.Kind.UNION) {
                    children.add(append);
                    IntFunction<String> below = names(s.left());
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < s.width(); i++) {
                        keys.add(below.apply(i));
                    }
                    if (!keys.isEmpty()) {
                        details.add(new String[] {"Group Key", String.join(", ", keys)});
                    }
                    yield "HashAggregate";
                }
                // PostgreSQL reads each side of INTERSECT/EXCEPT through a subquery scan that adds a flag column
                wrappers.put(s.left(), "Subquery Scan on \"*SELECT* 1\"");
                wrappers.put(s.right(), "Subquery Scan on \"*SELECT* 2\"");
                String kind = s.kind() == SetOpNode.Kind.INTERSECT ? "Intersect" : "Except";
                if (hashed) {
                    children.add(append);
                    yield "HashSetOp " + kind + (s.all() ? " All" : "");
                }
                // sorted, the keys are the first subquery's columns
                if (s.width() == 0) {
                    children.add(append);
                } else {
                    SortNode sort = new SortNode(append, s.keys());
                    shownSortKeys.put(sort, sortKeys(s.keys(),
                            i -> "\"*SELECT* 1\"." + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(s.columns().get(i).name())));
                    children.add(sort);
                }
                yield "SetOp " + kind + (s.all() ? " All" : "");
            }
            case org.lakepg.server.sql.plan.HashLookupNode h -> "Hash";
            case org.lakepg.server.sql.plan.MergeJoinNode j -> {
                IntFunction<String> left = names(j.left());
                IntFunction<String> right = names(j.right());
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < j.leftKeys().size(); i++) {
                    keys.add("(" + deparser.unqualified(left.apply(j.leftKeys().get(i).column())) + " = "
                            + deparser.unqualified(right.apply(j.rightKeys().get(i).column())) + ")");
                }
                details.add(new String[] {"Merge Cond", keys.size() == 1 ? keys.get(0)
                        : "(" + String.join(" AND ", keys) + ")"});
                BoundExpr condition = j.condition();
                if (filter != null && j.kind() == NestedLoopJoinNode.Kind.INNER) {
                    condition = condition == null ? filter : new BoolExpr(BoolExpr.Kind.AND, List.of(condition, filter));
                    filter = null;
                }
                if (condition != null) {
                    details.add(new String[] {"Join Filter", quals(condition, own)});
                }
                yield switch (j.kind()) {
                    case INNER -> "Merge Join";
                    case LEFT -> "Merge Left Join";
                    case RIGHT -> "Merge Right Join";
                    case FULL -> "Merge Full Join";
                };
            }
            case NestedLoopJoinNode j -> {
                BoundExpr condition = j.condition();
                boolean hash = j.right() instanceof org.lakepg.server.sql.plan.HashLookupNode h && j.lateral().size() == 1;
                IntFunction<String> outerNames = names(j.left());
                for (var c : j.lateral()) {
                    outerValues.put(c.id(), deparser.deparse(c.value(), outerNames));
                }
                if (hash) {
                    var h = (org.lakepg.server.sql.plan.HashLookupNode) j.right();
                    hashSides.put(h, true);
                    IntFunction<String> left = names(j.left());
                    IntFunction<String> right = names(h.input());
                    details.add(new String[] {"Hash Cond", "(" + deparser.deparse(j.lateral().get(0).value(), left) + " = "
                            + deparser.unqualified(right.apply(h.keyColumn())) + ")"});
                }
                if (filter != null && j.kind() == NestedLoopJoinNode.Kind.INNER) {
                    condition = condition == null ? filter : new BoolExpr(BoolExpr.Kind.AND, List.of(condition, filter));
                    filter = null;
                }
                if (condition != null) {
                    details.add(new String[] {"Join Filter", quals(condition, own)});
                }
                if (!hash && j.lateral().isEmpty() && scanOfTable(j.right())) {
                    // the nested loop keeps its inner rows in memory: PostgreSQL shows that as Materialize
                    materialized.put(j.right(), true);
                }
                if (hash) {
                    yield switch (j.kind()) {
                        case INNER -> "Hash Join";
                        case LEFT -> "Hash Left Join";
                        case RIGHT -> "Hash Right Join";
                        case FULL -> "Hash Full Join";
                    };
                }
                yield switch (j.kind()) {
                    case INNER -> "Nested Loop";
                    case LEFT -> "Nested Loop Left Join";
                    case RIGHT -> "Nested Loop Right Join";
                    case FULL -> "Nested Loop Full Join";
                };
            }
            case ModifyNode m when m.onConflict() != null -> {
                details.addAll(OnConflictDetails.of(m, deparser));
                yield "Insert on " + m.table().name();
            }
            case ModifyNode m -> switch (m.kind()) {
                case INSERT -> "Insert on " + m.table().name();
                case UPDATE -> "Update on " + m.table().name();
                case DELETE -> "Delete on " + m.table().name();
                case MERGE -> "Merge on " + m.table().name() + (m.merge().alias() == null ? "" : " " + m.merge().alias());
            };
            case org.lakepg.server.sql.plan.RoutedInsertNode r -> "Insert on " + r.insert().table().name();
            case org.lakepg.server.sql.plan.PartitionUpdateNode u -> "Update on " + u.update().table().name();
            case CteScanNode c -> alias("CTE Scan on ", c.cteName(), c.alias());
            case WorkTableScanNode w -> alias("WorkTable Scan on ", w.cteName(), w.alias());
            case RecursiveUnionNode r -> "Recursive Union";
            case FunctionScanNode f -> {
                String name = f.functions().get(0).call() instanceof FuncExpr fe ? fe.name() : f.alias();
                yield alias("Function Scan on ", name, uniqueAlias(name, f.alias()));
            }
            case ProjectSetNode s -> "ProjectSet";
            case WindowAggNode w -> {
                if (!w.sortKeys().isEmpty()) {
                    IntFunction<String> below = names(w.input());
                    List<String> keys = w.keys().stream().map(k -> deparser.deparse(k, below)).toList();
                    children.clear();
                    children.add(new SortNode(new ProjectNode(w.input(), w.keys()), w.sortKeys()));
                    // the synthesized sort has no measurements of its own; it shows its input's
                    stats.putIfAbsent(children.get(0), stats.get(w.input()));
                }
                yield "WindowAgg";
            }
            case FilterNode f -> "Result";
            case ModifyingCtesNode m -> "Result";
            case org.lakepg.server.sql.plan.RuleActionsNode r -> "Result";
        };
        if (filter != null) {
            boolean oneTime = p instanceof ResultNode;
            IntFunction<String> columns = own;
            if (!options.verbose() && (p instanceof SeqScanNode || p instanceof IndexScanNode)) {
                // a scan's own conditions name its columns without the table, as PostgreSQL's show_scan_qual
                List<String> plain = p instanceof SeqScanNode s ? s.table().columns().stream().map(c -> c.name()).toList()
                        : ((IndexScanNode) p).table().columns().stream().map(c -> c.name()).toList();
                columns = i -> i < plain.size() ? plain.get(i) : own.apply(i);
            }
            details.add(new String[] {oneTime ? "One-Time Filter" : "Filter", quals(filter, columns)});
        }
        return title;
    }

    /** {@code value op column} as {@code column op' value} (for showing only: the function stays the original one). */
    private static BoundExpr columnFirst(BoundExpr condition) {
        if (!(condition instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                || !(unwrap(f.arguments().get(1)) instanceof InputRef) || unwrap(f.arguments().get(0)) instanceof InputRef) {
            return condition;
        }
        String name = switch (f.name()) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            case "=" -> "=";
            default -> null;
        };
        return name == null ? condition : new FuncExpr(f.function(), name, f.source(), f.form(),
                List.of(f.arguments().get(1), f.arguments().get(0)), f.strict(), f.volatility(), f.type(), f.typmod());
    }

    /** The filter above an index scan without the conjunct the index already checks. */
    private static BoundExpr withoutIndexCondition(BoundExpr filter, int column) {
        if (filter == null) {
            return null;
        }
        List<BoundExpr> conjuncts = new ArrayList<>();
        flatten(filter, conjuncts);
        conjuncts.removeIf(c -> c instanceof FuncExpr f && f.name().equals("=") && f.arguments().size() == 2
                && f.arguments().stream().anyMatch(a -> unwrap(a) instanceof InputRef in && in.index() == column));
        return conjuncts.isEmpty() ? null : conjuncts.size() == 1 ? conjuncts.get(0)
                : new BoolExpr(BoolExpr.Kind.AND, conjuncts);
    }

    private static BoundExpr unwrap(BoundExpr e) {
        return e instanceof org.lakepg.server.sql.plan.expr.RelabelType r ? unwrap(r.argument()) : e;
    }

    private static void flatten(BoundExpr e, List<BoundExpr> out) {
        if (e instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND) {
            b.arguments().forEach(a -> flatten(a, out));
        } else {
            out.add(e);
        }
    }
}
