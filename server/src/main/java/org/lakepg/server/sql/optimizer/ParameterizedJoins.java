package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * Nested loops whose inner side is itself a join, parameterized by the outer side (PostgreSQL's parameterized join
 * paths: try_nestloop_path with an inner path whose param_source_rels lie in the outer relation,
 * get_joinrel_parampathinfo). Every condition between the two parts moves into the inner join, the outer columns it
 * reads becoming loop parameters, and is checked at the lowest place that has the inputs it reads: a single
 * input's scan (which may become an index or bitmap scan keyed by the parameter), or a join inside, where an index
 * scan may be keyed by both the loop's own outer row and the parameter ({@code thousand = a.q1 AND tenthous = b.q1}).
 */
final class ParameterizedJoins {
    private final JoinOrder order;
    private final List<JoinOrder.Input> inputs;
    private final List<OuterJoinTree.Qual> quals;
    private final List<OuterJoinTree.Special> specials;
    /** Per outer part (and outer join): the parameter id of each outer column (query row position) it passes in. */
    private final Map<Long, Map<Integer, Integer>> parameters = new HashMap<>();
    private final Map<Long, Optional<JoinOrder.Planned>> planned = new HashMap<>();

    ParameterizedJoins(JoinOrder order, List<JoinOrder.Input> inputs, List<OuterJoinTree.Qual> quals,
                       List<OuterJoinTree.Special> specials) {
        this.order = order;
        this.inputs = inputs;
        this.quals = quals;
        this.specials = specials;
    }

    /**
     * The cheaper of {@code plain} (the join of the two parts) and a nested loop over a parameterized inner side: a
     * join, or a single input's index or bitmap scan under conditions JoinMethods does not key by (an OR of
     * equalities: a BitmapOr); the outer join's preserved side outside, or either part of an inner join.
     */
    JoinOrder.Planned cheaper(JoinOrder.Planned plain, Map<Integer, JoinOrder.Planned> best, int left, int right,
                              int match) {
        JoinOrder.Planned result = plain;
        if (match < JoinOrder.INNER) {
            int swap = left;
            left = right;
            right = swap;
            match = ~match;
        }
        NestedLoopJoinNode.Kind kind = match >= 0 ? specials.get(match).kind : NestedLoopJoinNode.Kind.INNER;
        if (kind != NestedLoopJoinNode.Kind.INNER && kind != NestedLoopJoinNode.Kind.LEFT) {
            return result;
        }
        for (int side = 0; side < (match >= 0 ? 1 : 2); side++) {
            int outerSet = side == 0 ? left : right;
            int innerSet = side == 0 ? right : left;
            JoinOrder.Planned loop = loop(best, outerSet, innerSet, match, kind);
            if (loop != null && loop.total() < result.total()) {
                result = loop;
            }
        }
        return result;
    }

    /** The nested loop over {@code innerSet} parameterized by {@code outerSet}, or null when there is none. */
    private JoinOrder.Planned loop(Map<Integer, JoinOrder.Planned> best, int outerSet, int innerSet, int match,
                                   NestedLoopJoinNode.Kind kind) {
        int set = outerSet | innerSet;
        int allowed = match >= 0 ? match : -1;
        JoinOrder.Planned outer = best.get(outerSet);
        List<OuterJoinTree.Qual> after = new ArrayList<>();
        for (OuterJoinTree.Qual q : quals) {
            int bits = q.required();
            if ((bits & ~set) != 0 || (bits & outerSet) == 0 || (bits & innerSet) == 0) {
                continue;
            }
            if (q.outerJoin() >= 0 && q.outerJoin() != match) {
                return null; // another outer join's ON condition
            }
            if (q.outerJoin() != allowed) {
                after.add(q); // a WHERE condition over an outer join's result stays above it
            } else if (readsPaddedSide(bits & innerSet, match)) {
                return null; // it would filter rows another outer join pads with NULLs
            }
        }
        Map<Integer, Integer> ids = parameters.computeIfAbsent(key(outerSet, allowed, 0), k -> new HashMap<>());
        List<OuterJoinTree.Qual> original = new ArrayList<>();
        List<OuterJoinTree.Qual> movable = movable(outerSet, innerSet, allowed, ids, original);
        if (movable.isEmpty()) {
            return null;
        }
        JoinOrder.Planned inner = plan(best, innerSet, outerSet, allowed, movable);
        if (inner == null) {
            return null;
        }
        List<OuterJoinTree.Qual> kept = new ArrayList<>();
        if (Integer.bitCount(innerSet) == 1) {
            // a scan is parameterized by the outer inputs its index conditions read; it checks the conditions
            // reading no other outer input (get_baserel_parampathinfo), the loop checks the rest
            int keyedBy = keyedBy(inner.plan(), ids);
            List<OuterJoinTree.Qual> scanChecks = new ArrayList<>();
            for (int k = 0; k < movable.size(); k++) {
                boolean enforced = (reads(original.get(k).expr()) & outerSet & ~keyedBy) == 0;
                (enforced ? scanChecks : kept).add(enforced ? movable.get(k) : original.get(k));
            }
            if (!kept.isEmpty()) {
                inner = scanChecks.isEmpty() ? null : scanned(best.get(innerSet), Integer.numberOfTrailingZeros(innerSet),
                        scanChecks, ids);
                if (inner == null) {
                    return null;
                }
                movable = scanChecks;
            }
        }
        // the loop passes in the outer columns the moved conditions read
        Map<Integer, Integer> position = positions(outer.order());
        List<Correlation> correlations = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : ids.entrySet()) {
            if (movable.stream().anyMatch(q -> readsParameter(q.expr(), e.getValue()))) {
                InputRef column = column(e.getKey());
                correlations.add(new Correlation(e.getValue(),
                        new InputRef(position.get(e.getKey()), column.type(), column.typmod(), column.name())));
            }
        }
        List<Integer> joinedOrder = new ArrayList<>(outer.order());
        joinedOrder.addAll(inner.order());
        Map<Integer, Integer> moved = positions(joinedOrder);
        PlanNode plan = new NestedLoopJoinNode(kind, outer.plan(), inner.plan(),
                kept.isEmpty() ? null : and(mapped(kept, moved)), correlations);
        if (!after.isEmpty()) {
            plan = new FilterNode(plan, and(mapped(after, moved)));
        }
        return order.planned(plan, joinedOrder);
    }

    /** The conditions over the query's row rewritten over a join's row ({@code moved}: query column to position). */
    private static List<BoundExpr> mapped(List<OuterJoinTree.Qual> conditions, Map<Integer, Integer> moved) {
        return conditions.stream().map(q -> ExprRewriter.map(q.expr(), x -> x instanceof InputRef in
                ? new InputRef(moved.get(in.index()), in.type(), in.typmod(), in.name()) : x)).toList();
    }

    /** Whether the inputs read lie on the NULL-padded side of an outer join other than {@code match}. */
    private boolean readsPaddedSide(int read, int match) {
        for (int k = 0; k < specials.size(); k++) {
            if (k != match && (specials.get(k).minRight & read) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conditions between the parts that the inner part may check (an inner join's, or the outer join's ON
     * condition), over the query's row with the outer part's columns as parameters; their inputs the inner ones.
     */
    private List<OuterJoinTree.Qual> movable(int outerSet, int innerSet, int allowed, Map<Integer, Integer> ids,
                                             List<OuterJoinTree.Qual> original) {
        List<OuterJoinTree.Qual> out = new ArrayList<>();
        for (OuterJoinTree.Qual q : quals) {
            int bits = q.required();
            if ((bits & ~(outerSet | innerSet)) != 0 || (bits & outerSet) == 0 || (bits & innerSet) == 0
                    || q.outerJoin() != allowed) {
                continue;
            }
            BoundExpr written = allowed < 0 && !JoinOrder.aboveOuterJoin(bits, specials)
                    ? EquivalenceSides.outerFirst(q.expr(), column -> (outerSet & 1 << inputOf(column)) != 0,
                            order.methods()::sortable)
                    : q.expr();
            BoundExpr expr = ExprRewriter.map(written, x -> {
                if (x instanceof InputRef in && (outerSet & 1 << inputOf(in.index())) != 0) {
                    int id = ids.computeIfAbsent(in.index(), c -> order.methods().newParamId());
                    return new OuterParam(id, in.type(), in.typmod(), null);
                }
                return x;
            });
            // an outer join's ON condition needs its whole right side joined (make_outerjoininfo); moved into that
            // side, it is checked where the inputs it reads are
            int inner = allowed >= 0 ? reads(q.expr()) & innerSet : bits & innerSet;
            out.add(new OuterJoinTree.Qual(expr, inner == 0 ? bits & innerSet : inner, -1));
            original.add(q);
        }
        return out;
    }

    /**
     * The cheapest plan of {@code set} that checks the moved conditions {@code params} (each read inputs within it),
     * or null when no split of it is legal.
     */
    private JoinOrder.Planned plan(Map<Integer, JoinOrder.Planned> best, int set, int outerSet, int allowed,
                                   List<OuterJoinTree.Qual> params) {
        List<OuterJoinTree.Qual> mine = params.stream().filter(q -> (q.required() & ~set) == 0).toList();
        if (mine.isEmpty()) {
            return best.get(set);
        }
        if (Integer.bitCount(set) == 1) {
            return scanned(best.get(set), Integer.numberOfTrailingZeros(set), mine,
                    parameters.get(key(outerSet, allowed, 0)));
        }
        long key = key(outerSet, allowed, set);
        Optional<JoinOrder.Planned> known = planned.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        JoinOrder.Planned cheapest = null;
        boolean restricted = (parameterSources(set) & outerSet) != 0;
        Map<Integer, Integer> ids = parameters.get(key(outerSet, allowed, 0));
        int low = Integer.lowestOneBit(set);
        for (int split = (set - 1) & set; split > 0; split = (split - 1) & set) {
            int left = split;
            int right = set & ~left;
            if ((left & low) == 0 || right == 0 || !best.containsKey(left) || !best.containsKey(right)) {
                continue;
            }
            int match = JoinOrder.legal(left, right, specials);
            if (match == JoinOrder.ILLEGAL) {
                continue;
            }
            List<OuterJoinTree.Qual> spanning = mine.stream()
                    .filter(q -> (q.required() & left) != 0 && (q.required() & right) != 0).toList();
            if (match == JoinOrder.INNER && spanning.isEmpty() && !JoinOrder.connects(left, right, quals)
                    && !JoinOrder.isolated(left, quals, specials) && !JoinOrder.isolated(right, quals, specials)) {
                continue;
            }
            for (Part l : parts(best, left, outerSet, allowed, mine)) {
                for (Part r : parts(best, right, outerSet, allowed, mine)) {
                    List<OuterJoinTree.Qual> atJoin = new ArrayList<>(spanning);
                    atJoin.addAll(l.kept());
                    atJoin.addAll(r.kept());
                    JoinOrder.Planned candidate = order.join(l.plan(), r.plan(), set, left, right, match, quals,
                            specials, inputs, atJoin);
                    if (candidate != null && !restricted && !starSchema(candidate.plan(), ids)) {
                        continue; // the outer part could as well be joined to it directly
                    }
                    if (candidate != null && (cheapest == null || candidate.total() < cheapest.total())) {
                        cheapest = candidate;
                    }
                }
            }
        }
        planned.put(key, Optional.ofNullable(cheapest));
        return cheapest;
    }

    /**
     * The inputs a join of {@code set} may stay parameterized by (add_paths_to_joinrel's param_source_rels): an outer
     * join of which it holds part of the right side but nothing of the left one keeps it from being joined to
     * anything outside that right side first, so a loop from there is sensible.
     */
    private int parameterSources(int set) {
        int sources = 0;
        for (OuterJoinTree.Special s : specials) {
            if ((set & s.minRight) != 0 && (set & s.minLeft) == 0) {
                sources |= ~s.minRight;
            }
            if (s.kind == NestedLoopJoinNode.Kind.FULL && (set & s.minLeft) != 0 && (set & s.minRight) == 0) {
                sources |= ~s.minLeft;
            }
        }
        return sources;
    }

    /**
     * allow_star_schema_join: a nested loop whose inner side is keyed both by its outer side and by the enclosing
     * loop's parameters (a fact table's index keyed by two dimensions) may stay parameterized without such a reason.
     */
    private static boolean starSchema(PlanNode plan, Map<Integer, Integer> ids) {
        PlanNode p = plan;
        while (p instanceof org.lakepg.server.sql.plan.ProjectNode || p instanceof FilterNode) {
            p = p instanceof FilterNode f ? f.input() : ((org.lakepg.server.sql.plan.ProjectNode) p).input();
        }
        return p instanceof NestedLoopJoinNode j && !j.lateral().isEmpty() && readsParameters(j.right(), ids);
    }

    /** The outer inputs whose parameters (of {@code ids}) the index scan under the plan's filter reads. */
    private int keyedBy(PlanNode plan, Map<Integer, Integer> ids) {
        PlanNode scan = plan instanceof FilterNode f ? f.input() : plan;
        int[] inputs = new int[1];
        PlanExpressions.any(scan, e -> ExprRewriter.any(e, x -> {
            if (x instanceof OuterParam o) {
                ids.forEach((column, id) -> {
                    if (id == o.id()) {
                        inputs[0] |= 1 << inputOf(column);
                    }
                });
            }
            return false;
        }));
        return inputs[0];
    }

    /** Whether the plan reads one of the parameters {@code ids}. */
    private static boolean readsParameters(PlanNode plan, Map<Integer, Integer> ids) {
        return PlanExpressions.any(plan, e -> ExprRewriter.any(e, x -> x instanceof OuterParam o
                && ids.containsValue(o.id())));
    }

    /** A part of a parameterized join: its plan and the moved conditions on it left to the join above. */
    private record Part(JoinOrder.Planned plan, List<OuterJoinTree.Qual> kept) {}

    /**
     * The ways to plan a part: checking its moved conditions itself; a single input may also leave them to the join,
     * where an index scan of it can be keyed by both sides at once.
     */
    private List<Part> parts(Map<Integer, JoinOrder.Planned> best, int part, int outerSet, int allowed,
                             List<OuterJoinTree.Qual> params) {
        List<OuterJoinTree.Qual> own = params.stream().filter(q -> (q.required() & ~part) == 0).toList();
        List<Part> out = new ArrayList<>();
        JoinOrder.Planned checked = plan(best, part, outerSet, allowed, own);
        if (checked != null) {
            out.add(new Part(checked, List.of()));
        }
        if (!own.isEmpty() && Integer.bitCount(part) == 1) {
            out.add(new Part(best.get(part), own));
        }
        return out;
    }

    /**
     * A single input under its moved conditions: the cheapest index or bitmap scan keyed by them (under what is left
     * of its filter), or null when that is no scan keyed by them.
     */
    private JoinOrder.Planned scanned(JoinOrder.Planned input, int index, List<OuterJoinTree.Qual> params,
                                      Map<Integer, Integer> ids) {
        int offset = inputs.get(index).offset();
        BoundExpr condition = and(params.stream().map(q -> shift(q.expr(), -offset)).toList());
        PlanNode base = input.plan();
        SeqScanNode scan = base instanceof SeqScanNode s ? s
                : base instanceof FilterNode f && f.input() instanceof SeqScanNode s ? s : null;
        if (scan == null) {
            return null;
        }
        BoundExpr whole = base instanceof FilterNode f ? and(List.of(f.condition(), condition)) : condition;
        JoinMethods methods = order.methods();
        PlanNode chosen = IndexSelection.cheapest(scan, whole, methods.indexes(scan.table()), methods.costs().context());
        if (!(chosen instanceof org.lakepg.server.sql.plan.IndexScanNode) || !readsParameters(chosen, ids)) {
            return null; // PostgreSQL parameterizes index and bitmap scans only: else the join checks the conditions
        }
        BoundExpr rest = IndexSelection.remainingCondition(chosen, whole, false);
        return order.planned(rest == null ? chosen : new FilterNode(chosen, rest), input.order());
    }

    private static long key(int outerSet, int allowed, int set) {
        return ((long) outerSet << 40) | ((long) (allowed + 1) << 32) | (set & 0xffffffffL);
    }

    /** The inputs an expression over the query's row reads. */
    private int reads(BoundExpr e) {
        int[] read = new int[1];
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in && inputOf(in.index()) >= 0) {
                read[0] |= 1 << inputOf(in.index());
            }
            return false;
        });
        return read[0];
    }

    private int inputOf(int column) {
        for (int i = 0; i < inputs.size(); i++) {
            JoinOrder.Input in = inputs.get(i);
            if (column >= in.offset() && column < in.offset() + in.width()) {
                return i;
            }
        }
        return -1;
    }

    /** The query row column {@code index} as some condition reads it (its type and name). */
    private InputRef column(int index) {
        InputRef[] found = new InputRef[1];
        for (OuterJoinTree.Qual q : quals) {
            ExprRewriter.any(q.expr(), x -> {
                if (x instanceof InputRef in && in.index() == index && found[0] == null) {
                    found[0] = in;
                }
                return false;
            });
        }
        return found[0];
    }

    private Map<Integer, Integer> positions(List<Integer> inputOrder) {
        Map<Integer, Integer> moved = new HashMap<>();
        int at = 0;
        for (int input : inputOrder) {
            JoinOrder.Input in = inputs.get(input);
            for (int c = 0; c < in.width(); c++) {
                moved.put(in.offset() + c, at++);
            }
        }
        return moved;
    }

    private static boolean readsParameter(BoundExpr e, int id) {
        return ExprRewriter.any(e, x -> x instanceof OuterParam p && p.id() == id);
    }
}
