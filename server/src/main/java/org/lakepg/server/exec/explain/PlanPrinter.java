package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PresortedInputs;
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
import org.lakepg.server.sql.plan.expr.OuterParam;
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
    /** Operators, for which ANY subplans hash (null: every uncorrelated one). */
    private final org.lakepg.server.sql.analyzer.AnalyzerCatalog catalog;

    public PlanPrinter(ExplainOptions options, Map<PlanNode, NodeStats> stats, TypeCatalog types, TypeIO io,
                       FunctionContext context, PlanNode root, org.lakepg.server.sql.optimizer.PlannerContext planner) {
        this(options, stats, types, io, context, root, planner, -1);
    }

    /**
     * @param rangeTableSize the query's FROM items at every level as the analyzer counted them (-1: unknown): a
     *     subquery pulled up into its parent leaves no node behind but still counts for qualifying names
     */
    public PlanPrinter(ExplainOptions options, Map<PlanNode, NodeStats> stats, TypeCatalog types, TypeIO io,
                       FunctionContext context, PlanNode root, org.lakepg.server.sql.optimizer.PlannerContext planner,
                       int rangeTableSize) {
        this.options = options;
        this.types = types;
        this.catalog = types instanceof org.lakepg.server.sql.analyzer.AnalyzerCatalog a ? a : null;
        this.costs = new org.lakepg.server.sql.optimizer.CostModel(planner);
        chooseAlternatives(root);
        this.stats = new IdentityHashMap<>(stats);
        boolean prefixed = relations(root) > 1 || rangeTableSize > 1;
        this.deparser = new ExprDeparser(types, io, context, options.verbose() || prefixed, this::subplan,
                outerValues::get, this::multiAssignedField).referencedParams(outerValues::putIfAbsent);
        this.context = context;
        this.relationNames = new TargetLists(root, new ExprDeparser(types, io, context, true, this::subplan,
                outerValues::get, this::multiAssignedField), prefixed);
        this.targets = options.verbose() ? relationNames : null;
        relationNames.showingSubqueryScans(shownScans::containsKey);
    }

    /** The names relations are shown by (a table read twice: t, then t_1), with the target lists VERBOSE shows. */
    private final TargetLists relationNames;

    private final FunctionContext context;
    /** VERBOSE's target lists, else null. */
    private final TargetLists targets;
    /** What each printed node's parent asks of its target list (absent: the top of a plan, exact). */
    private final Map<PlanNode, TargetLists.Demand> demands = new IdentityHashMap<>();
    /** The inputs of aggregates that group by computed values, which compute them. */
    private final Map<PlanNode, AggregateNode> groupInputs = new IdentityHashMap<>();
    /** The names subqueries got when first shown (a target list and a condition may show the same one). */
    private final Map<SubqueryExpr, String> subplanNames = new IdentityHashMap<>();

    public List<String> print(PlanNode root) {
        markSubqueryScans(root);
        nameLateralValues(root);
        node(root, 0, false, null, root, null);
        return lines;
    }

    /**
     * Each nested loop's values for its inner side, named before any node is printed: a join above the loop shows
     * the inner side's expressions that read them in its Output.
     */
    private void nameLateralValues(PlanNode p) {
        if (p instanceof NestedLoopJoinNode j) {
            // the outer side's columns may read the values of loops inside it: those are named first (in order)
            nameLateralValues(j.left());
            for (var c : j.lateral()) {
                outerValues.put(c.id(), lateralValue(j, c.value()));
            }
            nameLateralValues(j.right());
            return;
        }
        org.lakepg.server.sql.plan.PlanNodes.children(p).forEach(this::nameLateralValues);
    }

    /**
     * A value the outer side of a nested loop passes its inner side, as the inner side shows it: the outer side's
     * columns as its Output shows them, a computed one parenthesized (ruleutils.c's find_param_referent resolves
     * the NestLoopParam's Var through the outer plan's target list: {@code ((i4.f1 + 1))}, {@code (sum(i4b.f1))}).
     */
    private String lateralValue(NestedLoopJoinNode j, BoundExpr value) {
        BoundExpr merged = mergedColumns(j.left(), value);
        if (merged != null) {
            PlanNode join = ((ProjectNode) j.left()).input();
            IntFunction<String> names = names(join);
            List<TargetLists.Column> outer = relationNames.columns(join);
            return deparser.deparse(merged, i -> i < outer.size() ? outer.get(i).ref() : names.apply(i));
        }
        IntFunction<String> names = names(j.left());
        List<TargetLists.Column> outer = relationNames.columns(j.left());
        return deparser.deparse(value, i -> i < outer.size() ? outer.get(i).ref() : names.apply(i));
    }

    /**
     * A value read from a FULL join's merged USING columns with their COALESCE put in, or null: PostgreSQL's join
     * alias variables are expressions substituted where they are read (flatten_join_alias_vars), so a nested loop
     * passes the join's columns down as parameters and the inner side computes the COALESCE.
     */
    private static BoundExpr mergedColumns(PlanNode left, BoundExpr value) {
        if (!(left instanceof ProjectNode x) || !fullJoin(x.input())) {
            return null;
        }
        boolean[] merged = {false};
        boolean[] other = {false};
        BoundExpr out = org.lakepg.server.sql.analyzer.ExprRewriter.map(value, e -> {
            if (!(e instanceof org.lakepg.server.sql.plan.expr.InputRef in)) {
                return e;
            }
            BoundExpr column = in.index() < x.expressions().size() ? x.expressions().get(in.index()) : null;
            if (column instanceof org.lakepg.server.sql.plan.expr.CoalesceExpr) {
                merged[0] = true;
                return column;
            }
            other[0] |= !(column instanceof org.lakepg.server.sql.plan.expr.InputRef);
            return column == null ? e : column;
        });
        return merged[0] && !other[0] ? out : null;
    }

    private static boolean fullJoin(PlanNode p) {
        return p instanceof NestedLoopJoinNode j && j.kind() == NestedLoopJoinNode.Kind.FULL
                || p instanceof org.lakepg.server.sql.plan.MergeJoinNode m && m.kind() == NestedLoopJoinNode.Kind.FULL;
    }

    /** The Bitmap Index Scans shown below a bitmap scan's Bitmap Heap Scan (copies of its node). */
    private final Map<PlanNode, Boolean> bitmapIndexParts = new IdentityHashMap<>();

    /** The BitmapOr nodes shown below a BitmapOr scan's Bitmap Heap Scan (copies of its node). */
    private final Map<PlanNode, Boolean> bitmapOrParts = new IdentityHashMap<>();

    /** The subqueries of VALUES lists of several rows. */
    private final Map<SubqueryExpr, Boolean> valuesSubplans = new IdentityHashMap<>();

    /** The InitPlans printed so far and the parameter each returns. */
    private final Map<SubqueryExpr, String> shownInitPlans = new IdentityHashMap<>();

    private String subplan(SubqueryExpr q) {
        String known = subplanNames.get(q);
        if (known != null) {
            return known;
        }
        String name = newSubplan(q);
        subplanNames.put(q, name);
        return name;
    }

    /**
     * Numbers given ahead to the subqueries inside a numbered subplan's plan (PostgreSQL plans them first), by their
     * plans: the expressions shown may be copies of the plan's.
     */
    private final Map<PlanNode, Integer> reservedNumbers = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> numberedPlans = new IdentityHashMap<>();

    private void reserveNested(PlanNode plan) {
        for (SubqueryExpr nested : org.lakepg.server.sql.optimizer.NestedSubqueries.of(plan)) {
            if (!numberedPlans.containsKey(nested.plan()) && !reservedNumbers.containsKey(nested.plan())) {
                reserveNested(nested.plan());
                reservedNumbers.put(nested.plan(), ++subplanNumber);
            }
        }
    }

    /**
     * The correlated EXISTS subplans (by plan) shown as their hashed form: fix_alternative_subplan's choice for the
     * node evaluating them, a qual taken to run for twice the node's rows, a target list once per row. Under
     * ANALYZE the EXISTS that ran is shown.
     */
    private final Map<PlanNode, Boolean> hashedInstead = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> alternativesChosen = new IdentityHashMap<>();

    private void chooseAlternatives(PlanNode p) {
        if (options.analyze() || alternativesChosen.put(p, true) != null) {
            return;
        }
        if (p instanceof CteScanNode c) {
            chooseAlternatives(c.cte());
        }
        List<BoundExpr> expressions = switch (p) {
            case FilterNode f -> List.of(f.condition());
            case NestedLoopJoinNode j when j.condition() != null -> List.of(j.condition());
            case ProjectNode x -> x.expressions();
            default -> List.of();
        };
        double perRow = p instanceof ProjectNode ? 1 : 2;
        for (BoundExpr e : expressions) {
            org.lakepg.server.sql.analyzer.ExprRewriter.any(e, x -> {
                if (x instanceof SubqueryExpr q && !hashedInstead.containsKey(q.plan())) {
                    hashedInstead.put(q.plan(), q.hashedAlternative() != null
                            && costs.hashedAlternativeCheaper(q, perRow * costs.estimate(p).rows()));
                    chooseAlternatives(q.plan());
                }
                return false;
            });
        }
        org.lakepg.server.sql.plan.PlanNodes.children(p).forEach(this::chooseAlternatives);
    }

    /** SubPlans named above the node whose target list computes them (an UPDATE's new values), by that node. */
    private final Map<PlanNode, List<Object[]>> deferredSubplans = new IdentityHashMap<>();

    /** The MULTIEXPR SubPlans shown, with the first parameter each sets. */
    private final Map<SubqueryExpr, Integer> multiAssignedParams = new IdentityHashMap<>();

    /** A column of {@code SET (a, b) = (SELECT ...)}: the parameter the sub-SELECT's SubPlan sets for it. */
    private String multiAssignedField(SubqueryExpr q, int field) {
        multiAssignedParams.putIfAbsent(q, -1);
        subplan(q);
        return "$" + (multiAssignedParams.get(q) + field);
    }

    /**
     * build_subplan for a MULTIEXPR sub-SELECT: a plan setting one parameter per column, numbered after those of the
     * outer values it reads; an InitPlan when it reads none.
     */
    private String multiAssignedSubplan(SubqueryExpr q, int number) {
        initParam += q.correlations().size();
        int first = initParam;
        int width = MultiAssignedSubplans.width(q);
        initParam += width;
        multiAssignedParams.put(q, first);
        List<String> params = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            params.add("$" + (first + i));
        }
        String name = (q.correlated() ? "SubPlan " : "InitPlan ") + number + " (returns " + String.join(",", params)
                + ")";
        pendingSubplans.add(new Object[] {name, MultiAssignedSubplans.shown(q), !q.correlated(), false});
        return name;
    }

    private String newSubplan(SubqueryExpr q) {
        markSubqueryScans(q.plan());
        Integer reserved = reservedNumbers.remove(q.plan());
        if (reserved == null) {
            reserveNested(q.plan());
        }
        numberedPlans.put(q.plan(), true);
        int number = reserved != null ? reserved : ++subplanNumber;
        if (multiAssignedParams.containsKey(q)) {
            return multiAssignedSubplan(q, number);
        }
        if (q.hashedAlternative() != null && reserved == null) {
            // make_subplan planned both forms, the hashed one second (an AlternativeSubPlan of two plan ids)
            int second = ++subplanNumber;
            if (hashedInstead.getOrDefault(q.plan(), false)) {
                initParam += q.correlations().size();
                markSubqueryScans(q.hashedAlternative());
                pendingSubplans.add(new Object[] {"SubPlan " + second, q.hashedAlternative(), false, false});
                return "hashed SubPlan " + second;
            }
        }
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
        // the outer values a correlated subquery reads take parameter numbers while it is planned, before the
        // InitPlans inside it get theirs (replace_outer_var)
        initParam += q.correlations().size();
        // build_subplan: an uncorrelated subplan read again for each row is materialized unless its top node keeps
        // its rows itself (ExecMaterializesOutput); an ANY one is hashed instead
        PlanNode shownPlan = RowSubplans.shown(q);
        // in a VALUES list of several rows PostgreSQL 15 neither hashes an ANY subplan nor materializes its input
        boolean inValues = valuesSubplans.containsKey(q) && q.kind() == SubqueryExpr.Kind.ANY;
        boolean hashed = !inValues && (catalog != null ? org.lakepg.server.sql.optimizer.AnyHashing.hashed(q, catalog)
                : !q.correlated() && q.kind() == SubqueryExpr.Kind.ANY);
        boolean materialized = !q.correlated() && !hashed && !inValues
                && (q.kind() == SubqueryExpr.Kind.ALL || q.kind() == SubqueryExpr.Kind.ANY)
                && !(shownPlan instanceof SortNode || shownPlan instanceof FunctionScanNode
                || shownPlan instanceof CteScanNode || shownPlan instanceof WorkTableScanNode);
        pendingSubplans.add(new Object[] {"SubPlan " + number, shownPlan, false, materialized});
        return (hashed ? "hashed " : "") + "SubPlan " + number;
    }

    private static int relations(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> 1;
            case IndexScanNode s -> 1;
            case FunctionScanNode f -> 1;
            case CteScanNode c -> 1 + relations(c.cte());
            case WorkTableScanNode w -> 1;
            case ValuesNode v -> 1;
            // each side of a set operation is a subquery of the range table, besides the relations it reads
            case SetOpNode s -> 2 + relations(s.left()) + relations(s.right());
            // an inheritance scan: the parent and each member
            case AppendNode a when a.inputs().stream().allMatch(PlanPrinter::scanOfTable) -> 1 + a.inputs().size();
            case org.lakepg.server.sql.plan.MergeAppendNode m -> relations(m.members());
            // a subquery in an expression brings its own range table
            case ProjectNode x when x.expressions().stream().anyMatch(PlanPrinter::hasSubquery) -> 2 + relations(x.input());
            case FilterNode f when hasSubquery(f.condition()) -> 2 + relations(f.input());
            // the subquery is a range table entry of the outer query, its own relations more
            // (a subquery without FROM reads PostgreSQL's RTE_RESULT, an entry too)
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> 1 + Math.max(1, relations(q.input()));
            default -> children(p).stream().mapToInt(PlanPrinter::relations).sum();
        };
    }

    private static boolean hasSubquery(BoundExpr e) {
        return org.lakepg.server.sql.analyzer.ExprRewriter.any(e, x -> x instanceof SubqueryExpr);
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
            case SeqScanNode s -> tableColumns(s.table(), relationNames.relationName(s));
            case IndexScanNode s -> tableColumns(s.table(), relationNames.relationName(s));
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
            case org.lakepg.server.sql.plan.MergeAppendNode m -> outputs(m.members());
            case AppendNode a when TargetLists.inheritanceParent(a) != null -> {
                // above an inheritance scan its columns are the parent's
                String parent = TargetLists.inheritanceParent(a);
                List<String> out = new ArrayList<>();
                for (String name : TargetLists.inheritedNames(a)) {
                    out.add(parent + "." + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(name));
                }
                yield out;
            }
            case org.lakepg.server.sql.plan.MergeJoinNode j -> joinedOutputs(j.kind(), j.left(), j.right());
            case NestedLoopJoinNode j -> joinedOutputs(j.kind(), j.left(), j.right());
            case ValuesNode v -> {
                List<String> out = new ArrayList<>();
                for (int i = 1; i <= v.width(); i++) {
                    out.add("\"*VALUES*\".column" + i);
                }
                yield out;
            }
            case CteScanNode c -> relationNames.qualifiedColumns(c);
            case WorkTableScanNode w -> relationNames.qualifiedColumns(w);
            case org.lakepg.server.sql.plan.FunctionScanNode f -> relationNames.qualifiedColumns(f);
            case org.lakepg.server.sql.plan.ColumnarNode c -> outputs(c.rowPlan());
            case org.lakepg.server.sql.plan.SubqueryScanNode q when shownScans.containsKey(q) -> q.columns().stream()
                    .map(c -> org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(q.alias()) + "."
                            + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(c)).toList();
            case WindowAggNode w -> windowOutputs(w);
            case ProjectSetNode s -> {
                // the input's columns, then each set-returning call as written
                IntFunction<String> below = names(s.input());
                List<String> out = new ArrayList<>(outputs(s.input()));
                s.calls().forEach(c -> out.add(deparser.deparse(c, below)));
                yield out;
            }
            case org.lakepg.server.sql.plan.LockRowsNode l -> l.keepRow() ? outputs(l.input())
                    : outputs(l.input()).subList(0, l.tidColumn());
            case ModifyNode m -> {
                // the SubPlans the input's new values name belong to the node computing them (its InitPlans stay at
                // the top, as SS_attach_initplans puts them)
                List<Object[]> outer = pendingSubplans;
                pendingSubplans = new ArrayList<>();
                IntFunction<String> below = names(m.input());
                for (Object[] s : pendingSubplans) {
                    if ((Boolean) s[2]) {
                        outer.add(s);
                    } else {
                        deferredSubplans.computeIfAbsent(m.input(), k -> new ArrayList<>()).add(s);
                    }
                }
                pendingSubplans = outer;
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

    /**
     * A join's columns for the nodes above it: a nullable side's PlaceHolderVars are references to the values its
     * relation computed.
     */
    private List<String> joinedOutputs(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right) {
        List<String> out = new ArrayList<>(placeholderNames(outputs(left), left,
                kind == NestedLoopJoinNode.Kind.FULL || kind == NestedLoopJoinNode.Kind.RIGHT));
        out.addAll(placeholderNames(outputs(right), right,
                kind == NestedLoopJoinNode.Kind.FULL || kind == NestedLoopJoinNode.Kind.LEFT));
        return out;
    }

    private static List<String> placeholderNames(List<String> names, PlanNode input, boolean nullable) {
        if (!nullable) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            out.add(name != null && Placeholders.placeholder(input, i) ? "(" + name + ")" : name);
        }
        return out;
    }

    /**
     * A join's columns for its own conditions: only a FULL join reads its inputs' PlaceHolderVars, an outer join's
     * own ON condition computes its nullable side's values itself (replace_vars_in_jointree).
     */
    private IntFunction<String> joinOwnNames(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right) {
        List<String> out = new ArrayList<>(placeholderNames(outputs(left), left, kind == NestedLoopJoinNode.Kind.FULL));
        out.addAll(placeholderNames(outputs(right), right, kind == NestedLoopJoinNode.Kind.FULL));
        return i -> i < out.size() ? out.get(i) : null;
    }

    /** A join input's column names for the join's conditions: a FULL join reads its inputs' PlaceHolderVars. */
    private IntFunction<String> joinInputNames(NestedLoopJoinNode.Kind kind, PlanNode input) {
        IntFunction<String> names = names(input);
        if (kind != NestedLoopJoinNode.Kind.FULL) {
            return names;
        }
        return i -> {
            String name = names.apply(i);
            return name != null && Placeholders.placeholder(input, i) ? "(" + name + ")" : name;
        };
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
    /** " t" for an UPDATE or DELETE of a table the statement aliased: the alias its scan of the target carries. */
    private static String targetAlias(ModifyNode m) {
        java.util.ArrayDeque<PlanNode> todo = new java.util.ArrayDeque<>(List.of(m.input()));
        List<String> aliases = new ArrayList<>();
        while (!todo.isEmpty()) {
            PlanNode p = todo.pop();
            switch (p) {
                case SeqScanNode s when s.table().oid() == m.table().oid() -> aliases.add(String.valueOf(s.alias()));
                case IndexScanNode s when s.table().oid() == m.table().oid() -> aliases.add(String.valueOf(s.alias()));
                default -> { }
            }
            todo.addAll(org.lakepg.server.sql.plan.PlanNodes.children(p));
        }
        // with the table read more than once (a self-join in FROM) which scan is the target's is not known here
        if (aliases.size() != 1 || aliases.get(0).equals("null") || aliases.get(0).equals(m.table().name())) {
            return "";
        }
        return " " + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(aliases.get(0));
    }

    private String uniqueAlias(String table, String alias) {
        String name = alias != null ? alias : table;
        int seen = aliasesSeen.merge(name, 1, Integer::sum);
        return seen == 1 ? alias : numbered(name, seen - 1);
    }

    /** {@code name_n}, the name cut by whole characters to keep it under NAMEDATALEN bytes (ruleutils.c). */
    static String numbered(String name, int n) {
        String suffix = "_" + n;
        String base = name;
        while (!base.isEmpty() && (base + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 64) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + suffix;
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
        if (p instanceof org.lakepg.server.sql.plan.RecursiveUnionNode r) {
            recursiveTerms.put(r.recursive(), r.workTableId());
        }
        Integer term = recursiveTerms.remove(p);
        if (term != null) {
            localCtesOf = term; // the first node printed below is the recursive term's top one
        }
        if (p instanceof org.lakepg.server.sql.plan.ParentModifyNode m) {
            ParentModifyShape shape = targets == null && !options.analyze() ? ParentModifyShape.of(m) : null;
            if (shape != null) {
                modifyTargets.put(shape.modify(), shape);
                if (shape.projected()) {
                    wrappers.put(shape.modify().input(), "Result");
                }
                node(shape.modify(), indent, child, planName, shape.modify(), filter);
                return;
            }
            // shown as the members' modifications appended (PostgreSQL's one ModifyTable over an Append is not yet)
            PlanNode shown = m.members().size() == 1 ? m.members().get(0) : new AppendNode(m.members(), m.width());
            // a lone member shows its own measurements; an Append made here has none, so it shows this node's
            boolean lone = m.members().size() == 1;
            node(shown, indent, child, planName, lone && statsNode == p ? shown : statsNode, filter);
            return;
        }
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
        if (p instanceof SortNode s && PresortedInputs.presorted(s)) {
            node(s.input(), indent, child, planName, statsNode, filter);
            return;
        }
        if (p instanceof ModifyingCtesNode m) {
            node(m.input(), indent, child, planName, statsNode, filter);
            return;
        }
        // (a condition over the subquery makes PostgreSQL show a Subquery Scan there, which is not done yet)
        if (p instanceof LimitNode l && l.needless() && filter == null) {
            node(l.input(), indent, child, planName, statsNode, filter);
            return;
        }
        if (p instanceof org.lakepg.server.sql.plan.SubqueryScanNode q && !shownScans.containsKey(q)) {
            node(q.input(), indent, child, planName, statsNode, filter);
            return;
        }
        if (p instanceof FilterNode f && filter == null && !(f.input() instanceof ResultNode)
                && (org.lakepg.server.sql.optimizer.GatingQuals.pseudoconstant(f.condition())
                    || org.lakepg.server.sql.optimizer.GatingQuals.outerConstant(f.condition())
                    || f.condition() instanceof org.lakepg.server.sql.plan.expr.Const k && Boolean.FALSE.equals(k.value()))) {
            // a condition of no column is checked once, above its input: PostgreSQL's gating Result
            filter = f.condition();
        } else if (p instanceof FilterNode f) {
            BoundExpr combined = filter == null ? f.condition()
                    : new BoolExpr(BoolExpr.Kind.AND, List.of(f.condition(), filter));
            node(f.input(), indent, child, planName, statsNode, combined);
            return;
        }
        List<Object[]> outerPending = pendingSubplans;
        pendingSubplans = new ArrayList<>();
        List<Object[]> deferred = deferredSubplans.remove(statsNode);
        if (deferred != null) {
            pendingSubplans.addAll(deferred);
        }
        List<String[]> details = new ArrayList<>();
        List<PlanNode> children = new ArrayList<>(children(p));
        if (p instanceof FilterNode && filter != null && modifyInputs.containsKey(statsNode)) {
            // the gating Result of an UPDATE or DELETE input: its table scan returns the row's tid
            for (PlanNode c : children) {
                if (c instanceof SeqScanNode s && s.withTid() || c instanceof IndexScanNode x && x.withTid()) {
                    gatedModifyScans.put(c, statsNode);
                }
            }
        }
        String title = title(p, details, filter, children);
        Integer localCtes = localCtesOf;
        localCtesOf = null;
        if (targets != null) {
            outputLine(p, statsNode, details);
            children.forEach(c -> demands.put(c, demandOf(p, c, demands.getOrDefault(statsNode, TargetLists.Demand.EXACT))));
        } else {
            // the subqueries of a target list folded into this node are its SubPlans, though no Output line shows it
            for (ProjectNode x : FoldedProjections.between(statsNode, p)) {
                IntFunction<String> below = names(x.input());
                x.expressions().forEach(e -> deparser.deparse(e, below));
            }
        }
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
        ParentModifyShape shape = modifyTargets.remove(p);
        if (shape != null) {
            // the members a ModifyTable over an Append modifies, each as its scan is named (show_modifytable_info)
            String verb = shape.modify().kind() == ModifyNode.Kind.UPDATE ? "Update on " : "Delete on ";
            for (int i = 0; i < shape.targets().size(); i++) {
                org.lakepg.server.table.TableInfo t = shape.targets().get(i);
                line(indent, verb + qualified(t.namespace(), t.name()) + " " + shape.aliases().get(i));
            }
        }
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
        } else if (localCtes != null) {
            printLocalCtes(p, localCtes, indent);
        }
        for (PlanNode c : children) {
            if (materialized.containsKey(c)) {
                wrapped("Materialize", c, indent);
                continue;
            }
            if (memoized.containsKey(c)) {
                line(indent, "->  Memoize" + (options.costs() ? annotationCosts(c) : "") + memoizeAnalyze(c));
                if (targets != null) {
                    // create_memoize_plan asks its input for a small target list and shows it as its own
                    wrapperOutput("Materialize", c, indent + 3);
                }
                line(indent + 3, "Cache Key: " + memoized.get(c)[0]);
                line(indent + 3, "Cache Mode: " + memoized.get(c)[1]);
                NodeStats cache = options.analyze() ? stats.get(c) : null;
                if (cache != null && cache.cacheMisses > 0) {
                    // show_memoize_info: nothing is ever evicted, the cache keeps at most a bounded number of rows
                    line(indent + 3, String.format("Hits: %d  Misses: %d  Evictions: 0  Overflows: 0  Memory Usage: %dkB",
                            cache.cacheHits, cache.cacheMisses, (cache.cachedRows * 64 + ENTRY_BYTES * cache.cacheMisses
                                    + 1023) / 1024));
                }
                node(c, indent + 3, true, null, c, null);
                continue;
            }
            if (wrappers.containsKey(c)) {
                wrapped(wrappers.get(c), c, indent);
                continue;
            }
            node(c, indent, true, null, c, null);
        }
        for (Object[] s : subplans) {
            if (!(Boolean) s[2] && s.length > 3 && (Boolean) s[3]) {
                materializedSubplan((String) s[0], (PlanNode) s[1], indent);
            } else if (!(Boolean) s[2]) {
                node((PlanNode) s[1], indent, true, (String) s[0], (PlanNode) s[1], null);
            }
        }
    }

    /**
     * A SubPlan under the Material node build_subplan puts on it; the InitPlans its target list reads are attached to
     * that node, the top of the subplan (SS_attach_initplans).
     */
    private boolean constantOutput(PlanNode plan, int i) {
        BoundExpr e = switch (plan) {
            case ProjectNode x -> i < x.expressions().size() ? x.expressions().get(i) : null;
            case ValuesNode v -> v.rows().size() == 1 && i < v.width() ? v.rows().get(0).get(i) : null;
            default -> null;
        };
        return e instanceof org.lakepg.server.sql.plan.expr.Const || e != null && deparser.constantRecord(e);
    }

    private void materializedSubplan(String name, PlanNode plan, int indent) {
        line(indent, name);
        int at = indent + 1;
        String costs = "";
        if (options.costs()) {
            var e = this.costs.estimate(plan);
            costs = CostText.of(e.startup(), e.total() + 2 * this.costs.settings().cpuOperatorCost() * e.rows(),
                    e.shownRows(), e.width());
        }
        line(at, "->  Materialize" + costs + analyzeOnly(plan));
        List<Object[]> outer = pendingSubplans;
        pendingSubplans = new ArrayList<>();
        if (targets != null) {
            demands.put(plan, TargetLists.Demand.SMALL);
            List<TargetLists.Column> shown = targets.materialized(plan);
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                // set_dummy_tlist_references copies a constant of the input's target list, shown bare
                columns.add(constantOutput(plan, i) ? shown.get(i).text() : shown.get(i).ref());
            }
            if (!columns.isEmpty()) {
                line(at + 3, "Output: " + String.join(", ", columns));
            }
        }
        List<Object[]> met = pendingSubplans;
        pendingSubplans = outer;
        for (Object[] s : met) {
            if ((Boolean) s[2]) {
                node((PlanNode) s[1], at + 3, true, (String) s[0], (PlanNode) s[1], null);
            } else {
                outer.add(s);
            }
        }
        node(plan, at + 3, true, null, plan, null);
    }

    /** VERBOSE's first detail: the node's target list (explain.c's show_plan_tlist). */
    private void outputLine(PlanNode p, PlanNode top, List<String[]> details) {
        if (fixedOutputs.containsKey(p) || fixedOutputs.containsKey(top)
                || p instanceof SetOpNode s && s.kind() != SetOpNode.Kind.UNION) {
            List<String> fixed = p instanceof SetOpNode s ? setOpOutput(s)
                    : fixedOutputs.containsKey(top) ? fixedOutputs.get(top) : fixedOutputs.get(p);
            details.add(0, new String[] {"Output", String.join(", ", fixed)});
            return;
        }
        AggregateNode grouping = groupInputs.get(top);
        ModifyNode modify = modifyInputs.get(top);
        PlanNode gatedModify = gatedModifyScans.get(top);
        List<TargetLists.Column> columns = gatedModify != null
                ? targets.gatedModifyScan(modifyInputs.get(gatedModify), gatedModify, top)
                : grouping != null ? targets.groupInput(grouping, top)
                : modify != null && modify.kind() != ModifyNode.Kind.INSERT ? targets.modifyInput(modify, top)
                : targets.output(top, p, demands.getOrDefault(top, TargetLists.Demand.EXACT));
        if (!columns.isEmpty()) {
            details.add(0, new String[] {"Output", String.join(", ", columns.stream().map(TargetLists.Column::text).toList())});
        }
    }

    /** What a node asks of its input's target list, as createplan.c's flags say (flags pass through Limit and the like). */
    private TargetLists.Demand demandOf(PlanNode parent, PlanNode child, TargetLists.Demand own) {
        return switch (parent) {
            case SortNode s -> TargetLists.Demand.SMALL;
            case org.lakepg.server.sql.plan.HashLookupNode h -> TargetLists.Demand.SMALL;
            case WindowAggNode w -> TargetLists.Demand.SMALL;
            case LimitNode l -> own;
            case DistinctNode d when !(d.input() instanceof SortNode) -> TargetLists.Demand.ANY;
            case AppendNode a -> TargetLists.Demand.SMALL;
            case org.lakepg.server.sql.plan.MergeAppendNode m -> TargetLists.Demand.SMALL;
            case DistinctNode d -> own;
            case org.lakepg.server.sql.plan.LockRowsNode l -> own;
            case NestedLoopJoinNode j -> TargetLists.Demand.ANY;
            case org.lakepg.server.sql.plan.MergeJoinNode j -> TargetLists.Demand.ANY;
            case ProjectSetNode s -> TargetLists.Demand.ANY;
            case AggregateNode a -> {
                if (TargetLists.groupsByValues(a) && child == a.input()) {
                    groupInputs.put(child, a);
                }
                yield TargetLists.Demand.ANY;
            }
            case ModifyNode m -> {
                modifyInputs.put(child, m);
                yield TargetLists.Demand.EXACT;
            }
            default -> TargetLists.Demand.EXACT;
        };
    }

    /** The inputs of UPDATE and DELETE, which return only what the modification needs. */
    private final Map<PlanNode, ModifyNode> modifyInputs = new IdentityHashMap<>();
    /** The table scans below an UPDATE's or DELETE's gating Result, with the input (a key of modifyInputs) above. */
    private final Map<PlanNode, PlanNode> gatedModifyScans = new IdentityHashMap<>();
    /** ModifyTables made to show an UPDATE or DELETE of an inheritance tree as PostgreSQL does, with their members. */
    private final Map<PlanNode, ParentModifyShape> modifyTargets = new IdentityHashMap<>();

    /** A relation's or function's name, schema-qualified under VERBOSE (explain.c's ExplainScanTarget). */
    private String qualified(long namespace, String name) {
        String quoted = org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(name);
        if (!options.verbose()) {
            return quoted;
        }
        String schema;
        try {
            schema = context.catalogView().namespaceName(namespace).orElse(null);
        } catch (RuntimeException e) {
            schema = null;
        }
        if (schema == null) {
            schema = namespace == 11 ? "pg_catalog" : "public";
        }
        if (schema.startsWith("pg_temp_")) {
            // the session's temporary schema is shown by its alias (get_namespace_name_or_temp)
            schema = "pg_temp";
        }
        return org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(schema) + "." + quoted;
    }

    /** The WITH items of the statement, each once, before the top node's children. */
    private final Map<PlanNode, Boolean> materialized = new IdentityHashMap<>();

    /** Sorts the printer adds whose keys are named otherwise than by their input (a sorted SetOp's subquery columns). */
    private final Map<PlanNode, String> shownSortKeys = new IdentityHashMap<>();

    /** The set operation each side of an INTERSECT or EXCEPT belongs to. */
    private final Map<PlanNode, SetOpNode> setOperands = new IdentityHashMap<>();
    /** A Memoize cache entry's bookkeeping, for its Memory Usage. */
    private static final long ENTRY_BYTES = 64;

    /** Inner sides shown under a Memoize, with its cache key and mode. */
    private final Map<PlanNode, String[]> memoized = new IdentityHashMap<>();

    /** Nodes PostgreSQL shows above one of ours (Materialize, Subquery Scan), by the node they wrap. */
    private final Map<PlanNode, String> wrappers = new IdentityHashMap<>();

    /** A node PostgreSQL puts above one of ours (a nested loop's inner Materialize, a set operation's Subquery Scan). */
    private void wrapped(String title, PlanNode inner, int indent) {
        String costs = "";
        if (options.costs()) {
            var e = this.costs.estimate(inner);
            // materializing writes each row once more: PostgreSQL's cost_material charges 2 * cpu_operator_cost a row
            double extra = title.equals("Materialize") ? 2 * this.costs.settings().cpuOperatorCost() * e.rows() : 0;
            costs = CostText.of(e.startup(), e.total() + extra, e.shownRows(), e.width());
        }
        line(indent, "->  " + title + costs + analyzeOnly(inner));
        if (targets != null) {
            wrapperOutput(title, inner, indent + 3);
        }
        node(inner, indent + 3, true, null, inner, null);
    }

    /** Whether an INTERSECT's left side has more distinct rows than its right (estimate_num_groups of each). */
    private boolean intersectSwapped(SetOpNode s) {
        if (s.kind() != SetOpNode.Kind.INTERSECT) {
            return false;
        }
        return groups(s.left()) > groups(s.right());
    }

    private double groups(PlanNode side) {
        List<BoundExpr> keys = new ArrayList<>();
        for (int i = 0; i < side.width(); i++) {
            keys.add(new InputRef(i, 0, -1, null));
        }
        return costs.groups(side, keys, costs.estimate(side).rows());
    }

    /** The target list of a node PostgreSQL adds above one of ours: a Materialize passes its input's on. */
    private void wrapperOutput(String title, PlanNode inner, int indent) {
        demands.put(inner, title.equals("Materialize") ? TargetLists.Demand.SMALL : TargetLists.Demand.EXACT);
        List<String> columns = new ArrayList<>();
        if (title.equals("Materialize")) {
            targets.materialized(inner).forEach(c -> columns.add(c.ref()));
        } else if (setOperands.get(inner) instanceof SetOpNode s) {
            // a set operation's operand: the subquery's columns and the flag saying which side a row came from
            String subquery = title.substring(title.indexOf('"'));
            operandNames(s, inner).forEach(c -> columns.add(targets.qualify(subquery, c)));
            columns.add(inner == s.left() ? "0" : "1");
        }
        if (!columns.isEmpty()) {
            line(indent, "Output: " + String.join(", ", columns));
        }
    }

    /** The column names of a side of a set operation: the result's are the left side's, the right keeps its own. */
    private static List<String> operandNames(SetOpNode s, PlanNode side) {
        List<String> names = new ArrayList<>(s.columns().stream().map(c -> c.name()).toList());
        if (side == s.right() && side instanceof ProjectNode x) {
            for (int i = 0; i < names.size() && i < x.expressions().size(); i++) {
                if (unwrap(x.expressions().get(i)) instanceof InputRef in && in.name() != null) {
                    names.set(i, in.name().substring(in.name().lastIndexOf('.') + 1));
                }
            }
        }
        return names;
    }

    /** INTERSECT and EXCEPT return the first subquery's columns and the flag (a value the subquery scan computes). */
    private List<String> setOpOutput(SetOpNode s) {
        List<String> out = new ArrayList<>();
        operandNames(s, s.left()).forEach(c -> out.add(targets.qualify("\"*SELECT* 1\"", c)));
        out.add("(0)");
        return out;
    }

    /** Target lists fixed when the printer adds a node (a sorted INTERSECT's Sort). */
    private final Map<PlanNode, List<String>> fixedOutputs = new IdentityHashMap<>();

    private String annotationCosts(PlanNode p) {
        var e = costs.estimate(p);
        return CostText.of(e.startup(), e.total(), e.shownRows(), e.width());
    }

    /** A Memoize's own measurements: one loop per outer row, the rows it returned from its cache or its side. */
    private String memoizeAnalyze(PlanNode side) {
        NodeStats s = options.analyze() ? stats.get(side) : null;
        long loops = s == null ? 0 : s.cacheHits + s.cacheMisses;
        if (loops == 0) {
            return analyzeOnly(side);
        }
        long rows = Math.round((double) s.cacheReturned / loops);
        return options.timing()
                ? String.format(" (actual time=%.3f..%.3f rows=%d loops=%d)", 0.0, s.totalNanos / 1e6 / loops, rows, loops)
                : String.format(" (actual rows=%d loops=%d)", rows, loops);
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

    /** The recursive terms about to be printed, by their work table; the work table whose term's top node is next. */
    private final Map<PlanNode, Integer> recursiveTerms = new IdentityHashMap<>();
    private Integer localCtesOf;

    /**
     * The WITH items defined inside a recursive term (they read its work table), printed under the term's top node
     * as PostgreSQL attaches a query level's CTEs to the top of that level's plan.
     */
    private void printLocalCtes(PlanNode term, int workTable, int indent) {
        for (CteScanNode cte : cteScans(term, new ArrayList<>())) {
            if (RecursiveTermCtes.readsWorkTable(cte.cte(), workTable)
                    && printedCtes.put(cte.cte(), true) == null) {
                markSubqueryScans(cte.cte());
                node(cte.cte(), indent, true, "CTE " + cte.cteName(), cte.cte(), null);
            }
        }
    }

    private void printCtes(PlanNode root, int indent) {
        for (CteScanNode cte : cteScans(root, new ArrayList<>())) {
            if (RecursiveTermCtes.local(cte.cte())) {
                continue; // printed under its recursive term
            }
            if (printedCtes.put(cte.cte(), true) == null) {
                markSubqueryScans(cte.cte());
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
        return computed(input, i) && name != null ? "(" + name + ")" : name;
    }

    /**
     * A join's column names for its Join Filter: a value a grouped input computes (an aggregate, or a subquery's
     * output expression evaluated by its Aggregate node) is a reference to that node's output, which get_variable
     * shows in parentheses: {@code ((sum(a.f1) + 1)) = b.f1}, {@code ((sum(a.f1)) + 1) = b.f1}.
     */
    private static IntFunction<String> groupedReferences(PlanNode join, IntFunction<String> names) {
        return i -> {
            String name = names.apply(i);
            return name != null && groupedOutput(join, i) ? "(" + name + ")" : name;
        };
    }

    /** Whether column {@code i} of a join's input rows is computed by a grouped subquery's Aggregate node. */
    private static boolean groupedOutput(PlanNode p, int i) {
        return switch (p) {
            case NestedLoopJoinNode j -> i < j.left().width() ? groupedOutput(j.left(), i)
                    : !j.kind().leftOnly() && groupedOutput(j.right(), i - j.left().width());
            case MergeJoinNode j -> i < j.left().width() ? groupedOutput(j.left(), i)
                    : !j.kind().leftOnly() && groupedOutput(j.right(), i - j.left().width());
            case org.lakepg.server.sql.plan.HashLookupNode h -> groupedOutput(h.input(), i);
            case FilterNode f -> groupedOutput(f.input(), i);
            case ProjectNode x when i < x.expressions().size() -> unwrap(x.expressions().get(i)) instanceof InputRef in
                    ? groupedOutput(x.input(), in.index()) : grouped(x.input());
            case AggregateNode a -> i >= a.groupKeys().size() && i < a.groupKeys().size() + a.aggregates().size();
            default -> false;
        };
    }

    /** Whether the node is an Aggregate (under its HAVING filter): a projection over it is its target list. */
    private static boolean grouped(PlanNode p) {
        return p instanceof AggregateNode || p instanceof FilterNode f && grouped(f.input());
    }

    /** Whether column {@code i} of a node is a value computed there or below (an aggregate's or window's result too). */
    private static boolean computed(PlanNode p, int i) {
        return switch (p) {
            case ProjectNode x when i < x.expressions().size() -> unwrap(x.expressions().get(i)) instanceof InputRef in
                    ? !(x.input() instanceof ResultNode) && computed(x.input(), in.index()) : true;
            case AggregateNode a -> i >= a.groupKeys().size();
            case WindowAggNode w -> i >= w.input().width() || computed(w.input(), i);
            case ProjectSetNode s -> i >= s.input().width() || computed(s.input(), i);
            case FilterNode f -> computed(f.input(), i);
            case LimitNode l -> computed(l.input(), i);
            // an Append names its columns after its first member's (ruleutils.c's outer plan of an Append)
            case AppendNode a -> !a.inputs().isEmpty() && computed(a.inputs().get(0), i);
            case org.lakepg.server.sql.plan.MergeAppendNode m -> computed(m.members(), i);
            case SetOpNode s -> computed(s.left(), i);
            // a join passes on what each side computed (a lateral subquery's aggregate)
            case NestedLoopJoinNode j -> i < j.left().width() ? computed(j.left(), i)
                    : computed(j.right(), i - j.left().width());
            case MergeJoinNode j -> i < j.left().width() ? computed(j.left(), i)
                    : computed(j.right(), i - j.left().width());
            default -> false;
        };
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
        // so does a plain function call (get_func_expr adds no parentheses)
        return text.startsWith("(") || text.startsWith("$") || e instanceof org.lakepg.server.sql.plan.expr.Const
                || e instanceof FuncExpr f && f.form() == FuncExpr.Form.CALL ? text : "(" + text + ")";
    }

    private String title(PlanNode p, List<String[]> details, BoundExpr filter, List<PlanNode> children) {
        IntFunction<String> own = names(p);
        String title = switch (p) {
            case SeqScanNode s -> scanTitle("Seq Scan on ", s.table(), uniqueAlias(s.table().name(), s.alias()));
            case IndexScanNode s when !s.probe() -> {
                if (bitmapOrParts.containsKey(s)) {
                    for (IndexScanNode arm : s.or().arms()) {
                        bitmapIndexParts.put(arm, true);
                        children.add(arm);
                    }
                    yield "BitmapOr";
                }
                String conditions = null;
                String indexConditions = null;
                if (!s.conditions().isEmpty()) {
                    List<String> plain = s.table().columns().stream().map(c -> c.name()).toList();
                    IntFunction<String> columns = options.verbose() ? own : i -> i < plain.size() ? plain.get(i) : own.apply(i);
                    List<BoundExpr> shownConditions = s.conditions().stream().map(this::outerValuesNamed).toList();
                    conditions = quals(shownConditions.size() == 1 ? shownConditions.get(0)
                            : new BoolExpr(BoolExpr.Kind.AND, shownConditions), columns);
                    // an index condition shows the indexed column on the left, as PostgreSQL commutes it
                    List<BoundExpr> commuted = shownConditions.stream().map(PlanPrinter::columnFirst).toList();
                    indexConditions = quals(commuted.size() == 1 ? commuted.get(0)
                            : new BoolExpr(BoolExpr.Kind.AND, commuted), columns);
                }
                if (bitmapIndexParts.containsKey(s)) {
                    // a partial index's predicate terms are re-checked above, not index conditions
                    List<BoundExpr> keyed = s.conditions().stream().filter(c -> org.lakepg.server.index.IndexCondition
                            .of(c, s.index(), s.table()).isPresent()).map(PlanPrinter::columnFirst).toList();
                    if (keyed.size() < s.conditions().size() && !s.index().gin()) {
                        List<String> plain = s.table().columns().stream().map(c -> c.name()).toList();
                        indexConditions = keyed.isEmpty() ? null : quals(keyed.size() == 1 ? keyed.get(0)
                                : new BoolExpr(BoolExpr.Kind.AND, keyed),
                                options.verbose() ? own : i -> i < plain.size() ? plain.get(i) : own.apply(i));
                    }
                    if (indexConditions != null) {
                        details.add(new String[] {"Index Cond", indexConditions});
                    }
                    yield "Bitmap Index Scan on " + s.index().name();
                }
                if (s.bitmap()) {
                    // PostgreSQL's two nodes: the heap scan re-checks what the index scan below it found
                    details.add(new String[] {"Recheck Cond", conditions});
                    IndexScanNode indexPart = s.asIndexOnly(false);
                    if (s.or() != null) {
                        bitmapOrParts.put(indexPart, true);
                        stats.putIfAbsent(indexPart, NodeStats.bitmapOrPart(stats.get(s)));
                    } else {
                        bitmapIndexParts.put(indexPart, true);
                        stats.putIfAbsent(indexPart, NodeStats.bitmapIndexPart(stats.get(s)));
                    }
                    children.add(indexPart);
                    String shown = uniqueAlias(s.table().name(), s.alias());
                    yield "Bitmap Heap Scan on " + qualified(s.table().namespace(), s.table().name())
                            + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
                }
                if (indexConditions != null) {
                    details.add(new String[] {"Index Cond", indexConditions});
                }
                String shown = uniqueAlias(s.table().name(), s.alias());
                yield (s.indexOnly() ? "Index Only Scan" : "Index Scan") + (s.backward() ? " Backward" : "")
                        + " using " + s.index().name() + " on " + qualified(s.table().namespace(), s.table().name())
                        + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
            }
            case IndexScanNode s -> {
                int keyColumn = s.index().columns().get(0) - 1;
                String key = s.key() instanceof org.lakepg.server.sql.plan.expr.OuterParam op && outerValues.containsKey(op.id())
                        ? outerValues.get(op.id()) : deparser.deparse(s.key(), i -> null);
                String column;
                if (keyColumn < 0) {
                    // an expression index: its key as pg_get_expr prints it; the filter's copy of the equality goes
                    column = s.index().expressions().get(0);
                    List<String> plain = s.table().columns().stream().map(c -> c.name()).toList();
                    filter = withoutExpressionCondition(filter, column, e -> bare(deparser.deparse(e,
                            i -> i < plain.size() ? plain.get(i) : null)));
                } else {
                    column = s.table().columns().get(keyColumn).name();
                    filter = withoutIndexCondition(filter, keyColumn);
                }
                String shown = uniqueAlias(s.table().name(), s.alias());
                if (options.verbose() && keyColumn >= 0) {
                    // VERBOSE qualifies a scan's conditions (show_scan_qual's useprefix)
                    column = org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(shown == null ? s.table().name() : shown)
                            + "." + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(column);
                }
                details.add(new String[] {"Index Cond", "(" + column + " = " + key + ")"});
                yield (s.indexOnly() ? "Index Only Scan" : "Index Scan") + " using " + s.index().name() + " on " + qualified(s.table().namespace(), s.table().name())
                        + (shown == null || shown.equals(s.table().name()) ? "" : " " + shown);
            }
            case ValuesNode v -> {
                if (v.rows().size() == 1) {
                    yield "Result";
                }
                // a second VALUES list of the statement is *VALUES*_1, as PostgreSQL names its range table entries
                String shown = uniqueAlias("*VALUES*", null);
                // the lists' subqueries are the scan's subplans, shown under it whatever the target list shows
                for (List<BoundExpr> row : v.rows()) {
                    for (BoundExpr e : row) {
                        ExprRewriter.any(e, x -> x instanceof SubqueryExpr q && valuesSubplans.put(q, true) == null
                                && subplan(q) == null);
                    }
                }
                yield "Values Scan on \"" + (shown == null ? "*VALUES*" : shown) + "\"";
            }
            case org.lakepg.server.sql.plan.SystemScanNode s -> "Seq Scan on " + qualified(s.relation().namespace(),
                    s.relation().name());
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
                if (incrementalSorts.containsKey(s)) {
                    details.add(new String[] {"Presorted Key", sortKeys(s.keys().subList(0, Math.min(incrementalSorts.get(s), s.keys().size())),
                            i -> referenced(s.input(), i, below))});
                    yield "Incremental Sort";
                }
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
                if (!costs.settings().hashAgg() || a.sorted()) {
                    // grouping by sorting (enable_hashagg off, or cheaper): PostgreSQL sorts by the keys and aggregates
                    // each run of equal keys; the groups come out in key order, as ours always do
                    PlanNode keys = new ProjectNode(a.input(), a.groupKeys());
                    SortNode sort = new SortNode(keys, a.keyOrder());
                    children.clear();
                    children.add(sort);
                    stats.putIfAbsent(sort, stats.get(a.input()));
                    IntFunction<String> sorted = names(keys);
                    details.add(new String[] {"Group Key", String.join(", ",
                            a.keyOrder().stream().map(k -> referenced(keys, k.column(), sorted)).toList())});
                    yield a.aggregates().isEmpty() ? "Group" : "GroupAggregate"; // create_group_path without aggregates
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
            case org.lakepg.server.sql.plan.MergeAppendNode m -> {
                // named as the Append of its members is, without the sorts below (ruleutils.c's outer plan)
                PlanNode members = m.members();
                IntFunction<String> below = names(members);
                details.add(new String[] {"Sort Key", sortKeys(m.keys(), i -> referenced(members, i, below))});
                yield "Merge Append";
            }
            case SetOpNode s -> {
                children.clear();
                // INTERSECT reads the side of fewer groups first (generate_nonunion_paths)
                PlanNode first = intersectSwapped(s) ? s.right() : s.left();
                PlanNode second = first == s.left() ? s.right() : s.left();
                PlanNode append = new AppendNode(s.kind() == SetOpNode.Kind.UNION
                        ? org.lakepg.server.sql.optimizer.UnionStrategy.members(s) : List.of(first, second), s.width());
                boolean hashed = costs.settings().hashAgg() && hashable(s) && (s.kind() != SetOpNode.Kind.UNION
                        || org.lakepg.server.sql.optimizer.UnionStrategy.hashed((AppendNode) append, costs));
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
                        keys.add(referenced(append, i, below));
                    }
                    if (!keys.isEmpty()) {
                        details.add(new String[] {"Group Key", String.join(", ", keys)});
                    }
                    yield "HashAggregate";
                }
                // PostgreSQL reads each side of INTERSECT/EXCEPT through a subquery scan that adds a flag column
                setOperands.put(s.left(), s);
                setOperands.put(s.right(), s);
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
                    if (targets != null) {
                        fixedOutputs.put(sort, setOpOutput(s));
                    }
                    String firstName = first == s.left() ? "\"*SELECT* 1\"." : "\"*SELECT* 2\".";
                    List<String> firstColumns = operandNames(s, first);
                    shownSortKeys.put(sort, sortKeys(s.keys(),
                            i -> firstName + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(firstColumns.get(i))));
                    children.add(sort);
                }
                yield "SetOp " + kind + (s.all() ? " All" : "");
            }
            case org.lakepg.server.sql.plan.HashLookupNode h -> "Hash";
            case org.lakepg.server.sql.plan.MergeJoinNode j -> {
                if (options.verbose() && types instanceof org.lakepg.server.sql.analyzer.AnalyzerCatalog catalog
                        && org.lakepg.server.sql.optimizer.InnerUnique.of(j, catalog::indexes)) {
                    details.add(new String[] {"Inner Unique", "true"});
                }
                IntFunction<String> left = joinInputNames(j.kind(), j.left());
                IntFunction<String> right = joinInputNames(j.kind(), j.right());
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
                    details.add(new String[] {"Join Filter", quals(condition, groupedReferences(j,
                            j.kind() == NestedLoopJoinNode.Kind.INNER ? own : joinOwnNames(j.kind(), j.left(), j.right())))});
                }
                if (costs.materializesInner(j)) {
                    materialized.put(j.right(), true); // the inner rows re-read for duplicate outer keys come from memory
                }
                yield switch (j.kind()) {
                    case INNER -> "Merge Join";
                    case LEFT -> "Merge Left Join";
                    case RIGHT -> "Merge Right Join";
                    case FULL -> "Merge Full Join";
                    case SEMI -> "Merge Semi Join";
                    case ANTI -> "Merge Anti Join";
                };
            }
            case NestedLoopJoinNode j -> {
                if (options.verbose() && types instanceof org.lakepg.server.sql.analyzer.AnalyzerCatalog catalog
                        && org.lakepg.server.sql.optimizer.InnerUnique.of(j, catalog::indexes)) {
                    details.add(new String[] {"Inner Unique", "true"});
                }
                BoundExpr condition = j.condition();
                boolean hash = j.hashed();
                for (var c : j.lateral()) {
                    outerValues.put(c.id(), lateralValue(j, c.value()));
                }
                if (hash) {
                    var h = (org.lakepg.server.sql.plan.HashLookupNode) j.right();
                    hashSides.put(h, true);
                    IntFunction<String> left = joinInputNames(j.kind(), j.left());
                    IntFunction<String> right = joinInputNames(j.kind(), h.input());
                    List<String> equalities = new ArrayList<>();
                    for (int k = 0; k < h.keyColumns().size(); k++) {
                        equalities.add("(" + deparser.deparse(j.lateral().get(k).value(), left) + " = "
                                + deparser.unqualified(right.apply(h.keyColumns().get(k))) + ")");
                    }
                    details.add(new String[] {"Hash Cond", equalities.size() == 1 ? equalities.get(0)
                            : "(" + String.join(" AND ", equalities) + ")"});
                }
                if (filter != null && j.kind() == NestedLoopJoinNode.Kind.INNER) {
                    condition = condition == null ? filter : new BoolExpr(BoolExpr.Kind.AND, List.of(condition, filter));
                    filter = null;
                }
                if (condition != null) {
                    details.add(new String[] {"Join Filter", quals(condition, groupedReferences(j,
                            j.kind() == NestedLoopJoinNode.Kind.INNER ? own : joinOwnNames(j.kind(), j.left(), j.right())))});
                }
                if (!hash && org.lakepg.server.sql.optimizer.Memoization.chosen(j, costs)) {
                    // the inner side remembered by the outer values it reads
                    memoized.put(j.right(), new String[] {String.join(", ", j.lateral().stream()
                            .map(c -> lateralValue(j, c.value())).toList()),
                            org.lakepg.server.sql.optimizer.Memoization.mode(j).name().toLowerCase(java.util.Locale.ROOT)});
                }
                if (!hash && costs.innerMaterialized(j)) {
                    // the nested loop keeps its inner rows in memory: PostgreSQL shows that as Materialize
                    materialized.put(j.right(), true);
                }
                if (hash) {
                    yield switch (j.kind()) {
                        case INNER -> "Hash Join";
                        case LEFT -> "Hash Left Join";
                        case RIGHT -> "Hash Right Join";
                        case FULL -> "Hash Full Join";
                        case SEMI -> "Hash Semi Join";
                        case ANTI -> "Hash Anti Join";
                    };
                }
                yield switch (j.kind()) {
                    case INNER -> "Nested Loop";
                    case LEFT -> "Nested Loop Left Join";
                    case RIGHT -> "Nested Loop Right Join";
                    case FULL -> "Nested Loop Full Join";
                    case SEMI -> "Nested Loop Semi Join";
                    case ANTI -> "Nested Loop Anti Join";
                };
            }
            case ModifyNode m when m.onConflict() != null -> {
                details.addAll(OnConflictDetails.of(m, deparser));
                yield "Insert on " + qualified(m.table().namespace(), m.table().name());
            }
            case ModifyNode m -> switch (m.kind()) {
                case INSERT -> "Insert on " + qualified(m.table().namespace(), m.table().name());
                case UPDATE -> "Update on " + qualified(m.table().namespace(), m.table().name())
                        + (modifyTargets.containsKey(m) ? "" : targetAlias(m));
                case DELETE -> "Delete on " + qualified(m.table().namespace(), m.table().name())
                        + (modifyTargets.containsKey(m) ? "" : targetAlias(m));
                case MERGE -> "Merge on " + qualified(m.table().namespace(), m.table().name())
                        + (m.merge().alias() == null ? "" : " " + m.merge().alias());
            };
            case org.lakepg.server.sql.plan.RoutedInsertNode r -> "Insert on " + r.insert().table().name();
            case org.lakepg.server.sql.plan.PartitionUpdateNode u -> "Update on " + u.update().table().name();
            case org.lakepg.server.sql.plan.ParentModifyNode m -> "Append";
            case CteScanNode c -> alias("CTE Scan on ", c.cteName(), relationNames.relationName(c));
            case WorkTableScanNode w -> alias("WorkTable Scan on ", w.cteName(), relationNames.relationName(w));
            case RecursiveUnionNode r -> "Recursive Union";
            case FunctionScanNode f -> {
                // an inlined SQL function's row constructor is a constant to PostgreSQL: no function to name
                String name = f.functions().get(0).call() instanceof FuncExpr fe
                        && !org.lakepg.server.sql.analyzer.RowExpressions.isConstructor(fe) ? fe.name() : f.alias();
                if (options.verbose()) {
                    details.add(new String[] {"Function Call", String.join(", ", f.functions().stream()
                            .map(fn -> deparser.deparse(fn.call(), i -> null)).toList())});
                }
                yield functionScanTitle(f, name);
            }
            case ProjectSetNode s -> "ProjectSet";
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> "Subquery Scan on "
                    + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(q.alias());
            case WindowAggNode w -> {
                if (filter != null) {
                    details.add(new String[] {"Filter", quals(filter, own)}); // explain.c shows it first
                    filter = null;
                }
                if (w.runCondition() != null) {
                    details.add(new String[] {"Run Condition", quals(w.runCondition(), own)});
                }
                if (!w.sortKeys().isEmpty() && !w.presorted()) {
                    IntFunction<String> below = names(w.input());
                    List<String> keys = w.keys().stream().map(k -> deparser.deparse(k, below)).toList();
                    children.clear();
                    ProjectNode keyColumns = new ProjectNode(w.input(), w.keys());
                    SortNode sort = new SortNode(keyColumns, distinctSortKeys(w));
                    children.add(sort);
                    // the synthesized sort has no measurements of its own; it shows its input's
                    stats.putIfAbsent(children.get(0), stats.get(w.input()));
                    int presorted = WindowAggNode.presortedKeys(w.keys(), w.sortKeys(), w.input());
                    if (presorted > 0) {
                        incrementalSorts.put(sort, presorted);
                    }
                    if (targets != null && !TargetLists.groupsByValues(w.keys())) {
                        // PostgreSQL sorts the window's input rows themselves: what the window reads of them
                        List<TargetLists.Column> input = targets.output(w.input(), TargetLists.folds(w.input()),
                                TargetLists.Demand.SMALL);
                        fixedOutputs.put(keyColumns, input.stream().map(TargetLists.Column::text).toList());
                        fixedOutputs.put(children.get(0), input.stream().map(TargetLists.Column::ref).toList());
                    }
                }
                yield "WindowAgg";
            }
            case FilterNode f -> "Result";
            case ModifyingCtesNode m -> "Result";
            case org.lakepg.server.sql.plan.RuleActionsNode r -> "Result";
        };
        if (filter != null) {
            boolean oneTime = p instanceof ResultNode || p instanceof FilterNode;
            IntFunction<String> columns = own;
            // a scan's own conditions name its columns without the relation, as PostgreSQL's show_scan_qual
            if (!options.verbose() && p instanceof FunctionScanNode f && !f.columnNames().isEmpty()) {
                columns = i -> f.columnName(i) != null
                        ? org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(f.columnName(i)) : own.apply(i);
            } else if (!options.verbose() && (p instanceof SeqScanNode || p instanceof IndexScanNode)) {
                List<String> plain = p instanceof SeqScanNode s ? s.table().columns().stream().map(c -> c.name()).toList()
                        : ((IndexScanNode) p).table().columns().stream().map(c -> c.name()).toList();
                columns = i -> i < plain.size() ? plain.get(i) : own.apply(i);
            }
            details.add(new String[] {oneTime ? "One-Time Filter" : "Filter", quals(filter, columns)});
        }
        return title;
    }

    private String scanTitle(String title, org.lakepg.server.table.TableInfo table, String alias) {
        String shown = qualified(table.namespace(), table.name());
        return alias == null || alias.equals(table.name()) ? title + shown : title + shown + " " + alias;
    }

    /** A function scan names the function, schema-qualified under VERBOSE when it is a single plain call. */
    private String functionScanTitle(FunctionScanNode f, String name) {
        String alias = uniqueAlias(name, f.alias());
        if (!options.verbose() || f.functions().size() != 1 || !(f.functions().get(0).call() instanceof FuncExpr fe)
                || org.lakepg.server.sql.analyzer.RowExpressions.isConstructor(fe) || !(types instanceof org.lakepg.server.sql.analyzer.AnalyzerCatalog catalog)) {
            return alias("Function Scan on ", name, alias);
        }
        long namespace = catalog.function(fe.function()).map(org.lakepg.server.catalog.ProcEntry::namespace).orElse(11L);
        String shown = qualified(namespace, name);
        return alias == null || alias.equals(name) ? "Function Scan on " + shown : "Function Scan on " + shown + " " + alias;
    }

    /**
     * A window's sort keys as PostgreSQL's pathkeys keep them: a key equal to an earlier one, or equated with it by
     * the input's filter ({@code f1 = f2}, one equivalence class), sorts nothing more and is not shown.
     */
    private static List<SortKey> distinctSortKeys(WindowAggNode w) {
        List<BoundExpr> equalities = new ArrayList<>();
        if (w.input() instanceof FilterNode f) {
            flatten(f.condition(), equalities);
            equalities.removeIf(c -> !(c instanceof FuncExpr eq && eq.name().equals("=") && eq.arguments().size() == 2
                    && unwrap(eq.arguments().get(0)) instanceof InputRef && unwrap(eq.arguments().get(1)) instanceof InputRef));
        }
        List<SortKey> out = new ArrayList<>();
        List<BoundExpr> seen = new ArrayList<>();
        for (SortKey k : w.sortKeys()) {
            BoundExpr e = unwrap(w.keys().get(k.column()));
            boolean redundant = seen.stream().anyMatch(x -> x.equals(e) || x instanceof InputRef a && e instanceof InputRef b
                    && equalities.stream().map(c -> ((FuncExpr) c).arguments()).anyMatch(args -> {
                        int l = ((InputRef) unwrap(args.get(0))).index();
                        int r = ((InputRef) unwrap(args.get(1))).index();
                        return l == a.index() && r == b.index() || l == b.index() && r == a.index();
                    }));
            if (!redundant) {
                seen.add(e);
                out.add(k);
            }
        }
        return out;
    }

    /** Sorts under a WindowAgg whose input is already sorted by that many leading keys (PostgreSQL 15's Incremental Sort). */
    private final Map<PlanNode, Integer> incrementalSorts = new IdentityHashMap<>();

    /** Subquery scans PostgreSQL keeps (setrefs.c removes a trivial one: no filter, the subquery's whole target list). */
    private final Map<PlanNode, Boolean> shownScans = new IdentityHashMap<>();

    private void markSubqueryScans(PlanNode p) {
        PlanNode below = p instanceof ProjectNode x ? x.input() : p;
        boolean filtered = below instanceof FilterNode;
        PlanNode scan = filtered ? ((FilterNode) below).input() : below;
        if (scan instanceof org.lakepg.server.sql.plan.SubqueryScanNode q
                && (filtered || q.junkColumns() || p instanceof ProjectNode x && !identity(x, q.width()))) {
            shownScans.put(q, true);
        }
        for (PlanNode c : org.lakepg.server.sql.plan.PlanNodes.children(p)) {
            markSubqueryScans(c);
        }
    }

    private static boolean identity(ProjectNode x, int width) {
        if (x.expressions().size() != width) {
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!(x.expressions().get(i) instanceof InputRef in) || in.index() != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * A WindowAgg's columns: its input's, a lower WindowAgg's results parenthesized (get_variable shows a reference
     * to a subplan's computed output so), then its own calls as {@code f(args) OVER (?)}.
     */
    private List<String> windowOutputs(WindowAggNode w) {
        List<String> in = outputs(w.input());
        List<String> out = new ArrayList<>();
        int lowerCalls = w.input() instanceof WindowAggNode lower ? lower.input().width() : Integer.MAX_VALUE;
        for (int i = 0; i < w.input().width(); i++) {
            String name = i < in.size() ? in.get(i) : null;
            out.add(name != null && i >= lowerCalls ? "(" + name + ")" : name);
        }
        IntFunction<String> below = names(w.input());
        for (var call : w.calls()) {
            List<BoundExpr> args = call.aggregate() != null ? call.aggregate().arguments() : call.arguments();
            String text = call.name() + "(" + (call.aggregate() != null && args.isEmpty() ? "*"
                    : String.join(", ", args.stream().map(a -> deparser.deparse(a, below)).toList())) + ")";
            if (call.aggregate() != null && call.aggregate().filter() != null) {
                text += " FILTER (WHERE " + deparser.deparse(call.aggregate().filter(), below) + ")";
            }
            out.add(text + " OVER (?)");
        }
        return out;
    }

    /** {@code value op column} as {@code column op' value} (for showing only: the function stays the original one). */
    /** A parameterized scan's outer values (a nested loop's parameters) named by the outer columns they hold. */
    private BoundExpr outerValuesNamed(BoundExpr condition) {
        return org.lakepg.server.sql.analyzer.ExprRewriter.map(condition, x -> x instanceof OuterParam p
                && p.name() == null && outerValues.containsKey(p.id())
                ? new OuterParam(p.id(), p.type(), p.typmod(), outerValues.get(p.id())) : x);
    }

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
            case "@>" -> "<@";
            case "<@" -> "@>";
            case "&&", "@@" -> f.name();
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

    /** The filter without the equality an expression index's probe answers (one side deparses to the key). */
    private static BoundExpr withoutExpressionCondition(BoundExpr filter, String key,
                                                        java.util.function.Function<BoundExpr, String> text) {
        if (filter == null) {
            return null;
        }
        String wanted = bare(key);
        List<BoundExpr> conjuncts = new ArrayList<>();
        flatten(filter, conjuncts);
        conjuncts.removeIf(c -> c instanceof FuncExpr f && f.name().equals("=") && f.arguments().size() == 2
                && f.arguments().stream().anyMatch(a -> !(unwrap(a) instanceof InputRef) && wanted.equals(text.apply(a))));
        return conjuncts.isEmpty() ? null : conjuncts.size() == 1 ? conjuncts.get(0)
                : new BoolExpr(BoolExpr.Kind.AND, conjuncts);
    }

    /** An expression's text without one pair of enclosing parentheses. */
    private static String bare(String text) {
        return text != null && text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
    }

    private static void flatten(BoundExpr e, List<BoundExpr> out) {
        if (e instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND) {
            b.arguments().forEach(a -> flatten(a, out));
        } else {
            out.add(e);
        }
    }
}
