package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.ColumnarNode;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.LockRowsNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ProjectSetNode;
import org.lakepg.server.sql.plan.RecursiveUnionNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SystemScanNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.WorkTableScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * EXPLAIN VERBOSE's {@code Output:} lines (explain.c's show_plan_tlist): the target list PostgreSQL's planner would
 * give each node. Our nodes pass whole rows up; PostgreSQL's carry only what the nodes above use (createplan.c's
 * tlists), except a scan whose parent takes any columns, which returns the table's row as it is (use_physical_tlist).
 * So the columns each node's parent needs are worked out top-down first, and the order PostgreSQL lists a relation's
 * columns in (the order the query first mentions them) is remembered on the way.
 */
final class TargetLists {
    /** What the node above a printed node asks of its target list (createplan.c's CP_* flags). */
    enum Demand {
        /** exactly the columns of the node (the top of a plan, an Append's members, a ModifyTable's input) */
        EXACT,
        /** only the columns used above (below a Sort, Hash, Materialize or WindowAgg) */
        SMALL,
        /** a scan may return the whole table row (below joins and aggregates) */
        ANY
    }

    /** One column of a node's target list: a Var (a table column, or a reference to a column below) or a value. */
    record Column(String text, boolean var) {
        /** A node above shows a reference to a computed column in parentheses (ruleutils.c's get_variable). */
        String ref() {
            return var ? text : "(" + text + ")";
        }
    }

    private final ExprDeparser deparser;
    private final boolean prefix;
    private final ColumnUses uses;
    private final Map<PlanNode, List<Column>> columns = new IdentityHashMap<>();

    /**
     * @param deparser a deparser that qualifies every column it is given (the texts it gets here are final)
     * @param prefix whether columns are shown with their relation (explain.c: more than one range table entry)
     */
    TargetLists(PlanNode root, ExprDeparser deparser, boolean prefix) {
        this.deparser = deparser;
        this.prefix = prefix;
        this.uses = new ColumnUses(root);
    }

    /** The Subquery Scans EXPLAIN shows (a trivial one is not: its columns are its subquery's). */
    private java.util.function.Predicate<PlanNode> shownSubqueryScan = q -> false;

    void showingSubqueryScans(java.util.function.Predicate<PlanNode> shown) {
        shownSubqueryScan = shown;
    }

    /**
     * A WITH item's or function scan's columns qualified by the name the query reads it by, for the conditions and
     * keys above it.
     */
    List<String> qualifiedColumns(PlanNode scan) {
        String relation = switch (scan) {
            case CteScanNode c -> relationName(c);
            case WorkTableScanNode w -> relationName(w);
            case FunctionScanNode f -> f.alias();
            default -> null;
        };
        // a one-column function scan's column is named by its alias (generate_series(1, 3) s1 reads as s1.s1)
        String single = scan instanceof FunctionScanNode f && f.width() == 1 ? f.alias() : null;
        String[] seen = uses.names(scan);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scan.width(); i++) {
            String name = scan instanceof FunctionScanNode f && f.columnName(i) != null ? f.columnName(i)
                    : single != null ? single : i < seen.length && seen[i] != null ? seen[i] : null;
            if (name == null && scan instanceof CteScanNode c && i < c.columns().size()) {
                name = c.columns().get(i); // a column nothing above names, as a hash join's key
            }
            if (scan instanceof WorkTableScanNode w && w.columns().get(i) != null) {
                name = w.columns().get(i); // the WITH item's column names, whatever the expressions above call them
            }
            out.add(name == null || relation == null ? null
                    : Identifiers.quoteIfNeeded(relation) + "." + Identifiers.quoteIfNeeded(name));
        }
        return out;
    }

    /** The name a table scan's columns are qualified with. */
    String relationName(SeqScanNode s) {
        return uses.alias(s, s.alias() != null ? s.alias() : s.table().name());
    }

    String relationName(IndexScanNode s) {
        return uses.alias(s, s.alias() != null ? s.alias() : s.table().name());
    }

    String relationName(CteScanNode c) {
        return uses.alias(c, c.alias() != null ? c.alias() : c.cteName());
    }

    String relationName(WorkTableScanNode w) {
        return uses.alias(w, w.alias() != null ? w.alias() : w.cteName());
    }

    /** The Output of a printed node: {@code top} is the plan node it shows, folded down to {@code base}. */
    List<Column> output(PlanNode top, PlanNode base, Demand demand) {
        switch (base) {
            case AppendNode a -> {
                return List.of();
            }
            case org.lakepg.server.sql.plan.MergeAppendNode m -> {
                return List.of();
            }
            case RecursiveUnionNode r -> {
                return List.of();
            }
            case SortNode s -> {
                return passThrough(s.input(), Demand.SMALL);
            }
            case HashLookupNode h -> {
                return passThrough(h.input(), Demand.SMALL);
            }
            case LimitNode l -> {
                return passThrough(l.input(), demand);
            }
            case DistinctNode d when d.input() instanceof SortNode -> {
                return passThrough(d.input(), demand);
            }
            case LockRowsNode l -> {
                return passThrough(l.input(), demand);
            }
            case SetOpNode s -> {
                return passThrough(s.left(), Demand.EXACT);
            }
            case ModifyNode m -> {
                return m.returning().isEmpty() ? List.of() : columns(m);
            }

            default -> {
            }
        }
        List<Column> all = columns(top);
        if (base instanceof DistinctNode) {
            // shown as a HashAggregate: it returns the columns it groups by
            return all;
        }
        if (base instanceof AggregateNode a && top instanceof ProjectNode && onlyFilters(top, a)) {
            return withGroupColumns(top, a, demand == Demand.EXACT ? all : null);
        }
        if (demand == Demand.EXACT) {
            return all;
        }
        if (demand == Demand.ANY && physical(base) && onlyReferences(top, base)) {
            // a grouping above that labels one column twice gets exactly its list (use_physical_tlist's sortgroupref
            // check)
            return repeatsColumn(top) ? all : physicalColumns(base);
        }
        BitSet want = uses.needed(top);
        List<Integer> shown = new ArrayList<>(want.stream().boxed().toList());
        shown.removeIf(i -> i >= all.size());
        if (!(top instanceof ProjectNode x) || x.expressions().stream().allMatch(e -> unwrap(e) instanceof InputRef)) {
            // a relation lists its columns in the order the query first mentions them, a join its outer side's first
            shown.sort(Comparator.comparingLong(i -> uses.order(top, i)));
        }
        return shown.stream().map(all::get).toList();
    }

    /**
     * The Output of the input of an aggregate that groups by computed values: PostgreSQL computes them there
     * (make_group_input_target), followed by the columns the aggregates read.
     */
    List<Column> groupInput(AggregateNode a, PlanNode top) {
        List<Column> below = columns(top);
        List<Column> out = new ArrayList<>();
        for (BoundExpr key : a.groupKeys()) {
            out.add(unwrap(key) instanceof InputRef in && in.index() < below.size() ? below.get(in.index())
                    : new Column(deparser.deparse(key, texts(below)), false));
        }
        BitSet used = new BitSet();
        for (AggregateCall c : a.aggregates()) {
            c.arguments().forEach(e -> ColumnUses.collect(e, used));
            if (c.filter() != null) {
                ColumnUses.collect(c.filter(), used);
            }
        }
        List<Integer> rest = new ArrayList<>(used.stream().boxed().toList());
        rest.removeIf(i -> i >= below.size());
        rest.sort(Comparator.comparingLong(i -> uses.order(top, i)));
        for (int i : rest) {
            if (!out.contains(below.get(i))) {
                out.add(below.get(i));
            }
        }
        return out;
    }

    /**
     * The Output of the rows an UPDATE or DELETE reads (PostgreSQL 15): the new values of the assigned columns, then
     * the row's tid; a DELETE only needs the tid.
     */
    List<Column> modifyInput(ModifyNode m, PlanNode top) {
        List<Column> all = columns(top);
        List<Column> out = new ArrayList<>();
        int width = m.table().columns().size();
        if (m.kind() == ModifyNode.Kind.UPDATE) {
            PlanNode p = top;
            while (p instanceof FilterNode f) {
                p = f.input();
            }
            for (int i = 0; i < width && i < all.size(); i++) {
                boolean unchanged = p instanceof ProjectNode x && i < x.expressions().size()
                        && unwrap(x.expressions().get(i)) instanceof InputRef in && in.index() == i;
                if (!unchanged) {
                    out.add(all.get(i));
                }
            }
            if (p instanceof ProjectNode x) {
                // the MULTIEXPR SubPlans of SET (a, b) = (SELECT ...) stand in the target list as resjunk entries;
                // an InitPlan's entry is left a NULL once the plan sets its parameters (SS_make_initplan_from_plan)
                for (SubqueryExpr q : MultiAssignedSubplans.in(x.expressions().subList(0,
                        Math.min(width, x.expressions().size())))) {
                    out.add(new Column(q.correlated() ? deparser.deparse(q, i -> "?") : "NULL::record", false));
                }
            }
        }
        if (all.size() > width) {
            out.add(all.get(all.size() - 1));
        }
        return out;
    }

    /**
     * The Output of the table scan below the gating Result of an UPDATE or DELETE input: the scan returns the row's tid,
     * a system column, so it cannot return the table's row as it is (use_physical_tlist); it returns the columns the
     * new values read (the unchanged ones PostgreSQL 15 does not fetch), then the tid.
     */
    List<Column> gatedModifyScan(ModifyNode m, PlanNode top, PlanNode scan) {
        List<Column> all = columns(scan);
        int width = m.table().columns().size();
        PlanNode p = top;
        while (p instanceof FilterNode f) {
            p = f.input();
        }
        BitSet used = new BitSet();
        if (m.kind() == ModifyNode.Kind.UPDATE && p instanceof ProjectNode x) {
            for (int i = 0; i < width && i < x.expressions().size(); i++) {
                BoundExpr e = x.expressions().get(i);
                if (unwrap(e) instanceof InputRef in && in.index() == i) {
                    continue;
                }
                ColumnUses.collect(e, used);
                ExprRewriter.any(e, y -> {
                    if (y instanceof SubqueryExpr q) {
                        q.correlations().forEach(c -> ColumnUses.collect(c.value(), used));
                    }
                    return false;
                });
            }
        }
        List<Column> out = new ArrayList<>();
        used.stream().filter(i -> i < width && i < all.size()).forEach(i -> out.add(all.get(i)));
        if (all.size() > width) {
            out.add(all.get(all.size() - 1));
        }
        return out;
    }

    /**
     * What a Materialize PostgreSQL puts above {@code input} returns: the input's columns, as the input shows them
     * (the caller refers to them with {@link Column#ref}, or shows a constant bare as set_dummy_tlist_references).
     */
    List<Column> materialized(PlanNode input) {
        return output(input, folds(input), Demand.SMALL);
    }

    /** A column of a subquery or other named relation, qualified as the target lists show it. */
    String qualify(String relation, String column) {
        return (prefix ? relation + "." : "") + Identifiers.quoteIfNeeded(column);
    }

    /** Whether an aggregate's input must compute some of its keys (it groups by more than plain columns). */
    static boolean groupsByValues(AggregateNode a) {
        return groupsByValues(a.groupKeys());
    }

    static boolean groupsByValues(List<BoundExpr> keys) {
        return keys.stream().anyMatch(k -> !(unwrap(k) instanceof InputRef));
    }

    /** Whether a projection sits right above the node, with at most filters between. */
    private static boolean onlyFilters(PlanNode top, PlanNode base) {
        PlanNode p = top instanceof ProjectNode x ? x.input() : top;
        while (p instanceof FilterNode f) {
            p = f.input();
        }
        return p == base;
    }

    /**
     * An aggregate's target list: the query's columns, then the GROUP BY columns the query does not return (they
     * stay in the planner's target list as resjunk entries).
     */
    private List<Column> withGroupColumns(PlanNode top, AggregateNode a, List<Column> all) {
        ProjectNode x = (ProjectNode) top;
        List<Column> own = columns(top);
        BitSet want = uses.needed(top);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            if (all != null || want.get(i)) {
                out.add(own.get(i));
            }
        }
        BitSet used = new BitSet();
        x.expressions().forEach(e -> ColumnUses.collect(e, used));
        List<Column> below = columns(a);
        for (int k = 0; k < a.groupKeys().size() && k < below.size(); k++) {
            if (!used.get(k) && !out.contains(below.get(k))) {
                out.add(below.get(k));
            }
        }
        return out;
    }

    /**
     * The query's name for an inheritance scan's parent when {@code a} scans a table and its members, else null: members
     * {@code t_1..t_n} have the parent {@code t}; a later copy of the range table (a second min/max InitPlan) names
     * them {@code t_(k+1)..t_(k+n)} after its parent {@code t_k}.
     */
    static String inheritanceParent(AppendNode a) {
        String parent = null;
        int first = a.inputs().isEmpty() ? 0 : firstMemberNumber(a.inputs().get(0));
        for (int i = 0; i < a.inputs().size(); i++) {
            PlanNode scan = a.inputs().get(i);
            if (!(scan instanceof ProjectNode x) || x.expressions().isEmpty()
                    || !(x.expressions().get(x.expressions().size() - 1) instanceof org.lakepg.server.sql.plan.expr.Const)
                    && !(x.expressions().size() > 1 && x.expressions().get(x.expressions().size() - 2)
                    instanceof org.lakepg.server.sql.plan.expr.Const)) {
                return null;
            }
            scan = x.input();
            while (scan instanceof FilterNode f) {
                scan = f.input();
            }
            String suffix = "_" + (first + i);
            // a member read in order (Merge Append) is an index scan
            String alias = scan instanceof SeqScanNode s ? s.alias() : scan instanceof IndexScanNode s ? s.alias() : null;
            if (alias == null || !alias.endsWith(suffix)) {
                return null;
            }
            String name = alias.substring(0, alias.length() - suffix.length());
            if (parent != null && !parent.equals(name)) {
                return null;
            }
            parent = name;
        }
        return parent == null || first == 1 ? parent : parent + "_" + (first - 1);
    }

    /** The number ending the alias of an inheritance scan's first member ({@code t_1}: 1), 1 when there is none. */
    private static int firstMemberNumber(PlanNode member) {
        PlanNode scan = member instanceof ProjectNode x ? x.input() : member;
        while (scan instanceof FilterNode f) {
            scan = f.input();
        }
        String alias = scan instanceof SeqScanNode s ? s.alias() : scan instanceof IndexScanNode s ? s.alias() : null;
        int cut = alias == null ? -1 : alias.lastIndexOf('_');
        if (cut < 0 || cut == alias.length() - 1 || !alias.substring(cut + 1).chars().allMatch(Character::isDigit)
                || alias.length() - cut > 6) {
            return 1;
        }
        int n = Integer.parseInt(alias.substring(cut + 1));
        return n > 1 ? n : 1;
    }

    /** The parent's column names of an inheritance scan (then tableoid, and ctid when the members carry it). */
    static List<String> inheritedNames(AppendNode a) {
        ProjectNode first = (ProjectNode) a.inputs().get(0);
        List<String> out = new ArrayList<>();
        for (BoundExpr e : first.expressions()) {
            out.add(unwrap(e) instanceof InputRef in && in.name() != null ? in.name()
                    : e instanceof org.lakepg.server.sql.plan.expr.Const ? "tableoid" : "?column?");
        }
        return out;
    }

    /** Whether the projections folded into a printed node only pick columns (they compute nothing). */
    private static boolean onlyReferences(PlanNode top, PlanNode base) {
        for (PlanNode p = top; p != base; p = PlanNodes.children(p).get(0)) {
            if (p instanceof ProjectNode x && !x.expressions().stream().allMatch(e -> unwrap(e) instanceof InputRef)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a projection picks one column twice ({@code DISTINCT two, four, two}). */
    private static boolean repeatsColumn(PlanNode top) {
        return top instanceof ProjectNode x && x.expressions().stream().map(TargetLists::unwrap)
                .filter(e -> e instanceof InputRef).map(e -> ((InputRef) e).index()).distinct().count()
                < x.expressions().size();
    }

    private List<Column> passThrough(PlanNode input, Demand demand) {
        return output(input, folds(input), demand).stream().map(c -> new Column(c.ref(), true)).toList();
    }

    /** The node a chain of projections and filters is printed as (PlanPrinter folds them the same way). */
    static PlanNode folds(PlanNode p) {
        return switch (p) {
            case ProjectNode x when !(x.input() instanceof ResultNode) -> folds(x.input());
            case FilterNode f -> folds(f.input());
            case ModifyingCtesNode m -> folds(m.input());
            default -> p;
        };
    }

    /**
     * A scan's physical target list: the table's row, or for an index-only scan the index's columns (create_scan_plan
     * takes the index's indextlist: only what the index holds can be returned).
     */
    private List<Column> physicalColumns(PlanNode base) {
        List<Column> row = columns(base);
        if (!(base instanceof IndexScanNode s) || !s.indexOnly() || !s.index().expressions().isEmpty()) {
            return row;
        }
        List<Column> out = new ArrayList<>();
        for (short attnum : s.index().allColumns()) {
            if (attnum < 1 || attnum > row.size()) {
                return row;
            }
            out.add(row.get(attnum - 1));
        }
        return out;
    }

    /** Whether PostgreSQL may return a scan's whole row rather than the columns asked for (use_physical_tlist). */
    private static boolean physical(PlanNode p) {
        return p instanceof SeqScanNode || p instanceof IndexScanNode || p instanceof FunctionScanNode
                || p instanceof CteScanNode || (p instanceof ValuesNode v && v.rows().size() > 1);
    }

    // ---- the columns of each node, as PostgreSQL's target list entries show them ----

    List<Column> columns(PlanNode p) {
        List<Column> known = columns.get(p);
        if (known == null) {
            known = computeColumns(p);
            columns.put(p, known);
        }
        return known;
    }

    private static IntFunction<String> texts(List<Column> cols) {
        return i -> i < cols.size() ? cols.get(i).text() : null;
    }

    private List<Column> computeColumns(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> tableColumns(uses.alias(s, s.alias() != null ? s.alias() : s.table().name()),
                    s.table().columns().stream().map(c -> c.name()).toList(), s.withTid());
            case IndexScanNode s -> tableColumns(uses.alias(s, s.alias() != null ? s.alias() : s.table().name()),
                    s.table().columns().stream().map(c -> c.name()).toList(), s.withTid());
            case SystemScanNode s -> tableColumns(s.relation().name(),
                    s.relation().columns().stream().map(c -> c.name()).toList(), false);
            case ValuesNode v when v.rows().size() == 1 -> v.rows().get(0).stream()
                    .map(e -> new Column(deparser.deparse(e, i -> null), false)).toList();
            case ValuesNode v -> {
                List<Column> out = new ArrayList<>();
                for (int i = 1; i <= v.width(); i++) {
                    // a second VALUES list of the statement is *VALUES*_1 (a subplan's, say)
                    out.add(new Column((prefix ? "\"" + uses.alias(v, "*VALUES*") + "\"." : "") + "column" + i, true));
                }
                yield out;
            }
            case FunctionScanNode f -> namedColumns(f, f.alias(), f.width() == 1 && f.alias() != null ? f.alias() : null);
            case CteScanNode c -> namedColumns(c, relationName(c), null);
            case WorkTableScanNode w -> namedColumns(w, relationName(w), null);
            case ProjectNode x when x.input() instanceof ProjectNode y && y.input() instanceof ResultNode -> {
                // a projection of a Result's values is one Result: its expressions over the values themselves
                List<BoundExpr> inlined = x.expressions().stream().map(e -> ExprRewriter.map(e, r -> r instanceof InputRef in
                        && in.index() < y.expressions().size() ? y.expressions().get(in.index()) : r)).toList();
                yield inlined.stream().map(e -> new Column(deparser.deparse(e, i -> null), false)).toList();
            }
            case ProjectNode x -> {
                // the projection is the target list of the node it is printed as: its columns, not references to them
                List<Column> below = columns(x.input());
                BitSet referenced = new BitSet();
                List<Column> out = new ArrayList<>();
                for (BoundExpr e : x.expressions()) {
                    if (!(unwrap(e) instanceof InputRef in) || in.index() >= below.size()) {
                        // a column read past a Result's empty row is a dummy relation's Var (GatingQuals.emptyRows)
                        boolean dummyVar = e instanceof InputRef && x.input() instanceof FilterNode f
                                && f.input() instanceof ResultNode;
                        out.add(new Column(deparser.deparse(e, texts(below)), dummyVar));
                    } else if (referenced.get(in.index()) && x.input() instanceof ProjectNode pulledUp
                            && in.index() < pulledUp.expressions().size()
                            && ExprRewriter.any(pulledUp.expressions().get(in.index()), c -> c instanceof SubqueryExpr)) {
                        // pull_up_subqueries copies a subquery's expression into each reference: each copy of a
                        // subquery in it is planned as a SubPlan (or InitPlan) of its own
                        BoundExpr copy = ExprRewriter.map(pulledUp.expressions().get(in.index()), c -> c);
                        out.add(new Column(deparser.deparse(copy, texts(columns(pulledUp.input()))), false));
                    } else {
                        referenced.set(in.index());
                        out.add(below.get(in.index()));
                    }
                }
                yield out;
            }
            case org.lakepg.server.sql.plan.MergeAppendNode m -> columns(m.members());
            case AppendNode a when inheritanceParent(a) != null -> {
                String parent = inheritanceParent(a);
                yield inheritedNames(a).stream().map(n -> new Column(qualify(Identifiers.quoteIfNeeded(parent), n), true))
                        .toList();
            }
            case FilterNode f -> columns(f.input());
            case org.lakepg.server.sql.plan.SubqueryScanNode q when shownSubqueryScan.test(q) -> {
                String qualifier = prefix ? Identifiers.quoteIfNeeded(q.alias()) + "." : "";
                yield q.columns().stream().map(c -> new Column(qualifier + Identifiers.quoteIfNeeded(c), true)).toList();
            }
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> columns(q.input()); // removed: its subquery's list
            case ModifyingCtesNode m -> columns(m.input());
            case ColumnarNode c -> columns(c.rowPlan());
            case SortNode s -> passThroughColumns(s.input());
            // a Limit that limits nothing (OFFSET 0) is no node in PostgreSQL's plan: its input's target list is shown
            case LimitNode l when l.needless() -> columns(l.input());
            case LimitNode l -> passThroughColumns(l.input());
            case DistinctNode d -> passThroughColumns(d.input());
            case HashLookupNode h -> passThroughColumns(h.input());
            case LockRowsNode l -> {
                List<Column> below = passThroughColumns(l.input());
                yield l.keepRow() ? below : below.subList(0, Math.min(l.tidColumn(), below.size()));
            }
            case NestedLoopJoinNode j -> joined(j.left(), j.right());
            case MergeJoinNode j -> joined(j.left(), j.right());
            case AggregateNode a -> {
                List<Column> below = columns(a.input());
                List<Column> out = new ArrayList<>();
                for (BoundExpr key : a.groupKeys()) {
                    // a computed key is computed below the aggregate, which refers to it
                    out.add(new Column(unwrap(key) instanceof InputRef in && in.index() < below.size()
                            ? below.get(in.index()).ref() : "(" + deparser.deparse(key, texts(below)) + ")", true));
                }
                for (AggregateCall c : a.aggregates()) {
                    out.add(new Column(aggregate(c, texts(below)), false));
                }
                yield out;
            }
            case WindowAggNode w -> {
                List<Column> below = columns(w.input());
                List<Column> out = new ArrayList<>(below.stream().map(c -> new Column(c.ref(), true)).toList());
                for (WindowCall c : w.calls()) {
                    String args = c.arguments().isEmpty() && c.aggregate() != null ? "*"
                            : String.join(", ", c.arguments().stream().map(e -> deparser.deparse(e, texts(below))).toList());
                    out.add(new Column(c.name() + "(" + args + ") OVER (?)", false));
                }
                yield out;
            }
            case ProjectSetNode s -> {
                List<Column> below = columns(s.input());
                List<Column> out = new ArrayList<>(below.stream().map(c -> new Column(c.ref(), true)).toList());
                s.calls().forEach(c -> out.add(new Column(deparser.deparse(c, texts(below)), false)));
                yield out;
            }
            case ModifyNode m -> {
                String table = prefix ? m.table().name() + "." : "";
                List<String> cols = m.table().columns().stream().map(c -> table + Identifiers.quoteIfNeeded(c.name())).toList();
                yield m.returning().stream().map(e -> new Column(deparser.deparse(e, i -> i < cols.size() ? cols.get(i)
                        : null), unwrap(e) instanceof InputRef)).toList();
            }
            default -> {
                List<PlanNode> children = PlanNodes.children(p);
                yield children.isEmpty() ? List.of() : passThroughColumns(children.get(0));
            }
        };
    }

    /** A join's columns: references to the outer side's, then the inner side's. */
    private List<Column> joined(PlanNode left, PlanNode right) {
        List<Column> out = new ArrayList<>(passThroughColumns(left));
        out.addAll(passThroughColumns(right));
        return out;
    }

    private List<Column> passThroughColumns(PlanNode input) {
        return columns(input).stream().map(c -> new Column(c.ref(), true)).toList();
    }

    private List<Column> tableColumns(String relation, List<String> cols, boolean tid) {
        String qualifier = prefix ? Identifiers.quoteIfNeeded(relation) + "." : "";
        List<Column> out = new ArrayList<>();
        cols.forEach(c -> out.add(new Column(qualifier + Identifiers.quoteIfNeeded(c), true)));
        if (tid) {
            out.add(new Column(qualifier + "ctid", true));
        }
        return out;
    }

    /** A function's or CTE's columns, named as the expressions above name them (the plan keeps no names). */
    private List<Column> namedColumns(PlanNode scan, String relation, String single) {
        String[] seen = uses.names(scan);
        String qualifier = prefix && relation != null ? Identifiers.quoteIfNeeded(relation) + "." : "";
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < scan.width(); i++) {
            String name = scan instanceof FunctionScanNode f && f.columnName(i) != null ? f.columnName(i)
                    : single != null ? single
                    : scan instanceof WorkTableScanNode w && w.columns().get(i) != null ? w.columns().get(i)
                    : i < seen.length && seen[i] != null ? seen[i] : "column" + (i + 1);
            out.add(new Column(qualifier + Identifiers.quoteIfNeeded(name), true));
        }
        return out;
    }

    /** An aggregate call as ruleutils.c's get_agg_expr prints it: DISTINCT, ORDER BY, WITHIN GROUP, FILTER. */
    private String aggregate(AggregateCall c, IntFunction<String> below) {
        List<String> args = c.arguments().stream().map(a -> deparser.deparse(a, below)).toList();
        int direct = c.directArguments();
        int aggregated = c.aggregatedArgumentCount();
        List<String> order = new ArrayList<>();
        boolean plain = c.argumentOrder().size() == aggregated;
        for (int i = 0; i < c.argumentOrder().size(); i++) {
            SortKey k = c.argumentOrder().get(i);
            plain &= k.column() == direct + i && !k.descending() && !k.nullsFirst();
            String text = k.column() < args.size() ? args.get(k.column()) : "?";
            if (k.descending()) {
                text += k.nullsFirst() ? " DESC" : " DESC NULLS LAST";
            } else if (k.nullsFirst()) {
                text += " NULLS FIRST";
            }
            order.add(text);
        }
        String text;
        if (direct > 0) {
            text = c.name() + "(" + String.join(", ", args.subList(0, direct)) + ") WITHIN GROUP (ORDER BY "
                    + String.join(", ", order) + ")";
        } else {
            String shown = aggregated == 0 ? "*" : String.join(", ", args.subList(0, aggregated));
            // DISTINCT sorts by its arguments as well; only an ORDER BY of its own is shown
            boolean ordered = !order.isEmpty() && !(c.distinct() && plain);
            text = c.name() + "(" + (c.distinct() ? "DISTINCT " : "") + shown
                    + (ordered ? " ORDER BY " + String.join(", ", order) : "") + ")";
        }
        if (c.filter() != null) {
            text += " FILTER (WHERE " + deparser.deparse(c.filter(), below) + ")";
        }
        return text;
    }

    private static BoundExpr unwrap(BoundExpr e) {
        return ColumnUses.unwrap(e);
    }


}
