package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.InheritedScans;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Equi-joins and correlated lookups by hashing instead of rescanning: WHERE/ON conditions of
 * inner joins are split and pushed to the side they read, an {@code left = right column} equality
 * makes the right side a hash table probed with the left row's value (a hash join), and a
 * correlated subquery's {@code column = outer value} filter probes a hash table of its
 * uncorrelated input instead of rescanning it for every outer row.
 */
public final class HashLookups {
    private final IntSupplier paramIds;
    private final Function<TableInfo, List<IndexInfo>> indexes;
    private final JoinMethods methods;
    private final JoinOrder order;
    private final CostModel costs;

    /** Joins planned the fixed way: the right side hashed when an equality allows (DML joins, subplans). */
    public HashLookups(IntSupplier paramIds, Function<TableInfo, List<IndexInfo>> indexes) {
        this.paramIds = paramIds;
        this.indexes = indexes;
        this.methods = null;
        this.order = null;
        this.costs = null;
    }

    /** Joins whose method and hashed side the cost model chooses. */
    public HashLookups(IntSupplier paramIds, Function<TableInfo, List<IndexInfo>> indexes, PlannerContext planner,
                       java.util.function.LongFunction<java.util.Optional<org.lakepg.server.catalog.ProcEntry>> comparisons) {
        this.paramIds = paramIds;
        this.indexes = indexes;
        CostModel costs = new CostModel(planner);
        this.costs = costs;
        this.methods = new JoinMethods(costs, paramIds, indexes, comparisons);
        this.order = new JoinOrder(costs, methods);
    }

    /** Constant folding for conditions the planner makes constant (a constant FROM item's values put in). */
    private java.util.function.UnaryOperator<BoundExpr> folding = e -> e;

    /** These joins with conditions folded by {@code folding} (the analyzer's eval_const_expressions). */
    public HashLookups folding(java.util.function.UnaryOperator<BoundExpr> folding) {
        this.folding = folding;
        return this;
    }

    /** Rewrites a FROM/WHERE plan: a filter over joins, or a join with its ON condition. */
    public PlanNode joins(PlanNode plan) {
        PlanNode planned = plannedJoins(plan);
        // after the joins are planned: a projection in the join tree would keep conditions from being pushed down
        return methods != null
                ? EmptyJoins.collapsed(SubstitutedConstants.hoisted(ResultJoinRemoval.removed(planned))) : planned;
    }

    private PlanNode plannedJoins(PlanNode plan) {
        PlanNode merged = MergedColumnsJoin.planned(plan, this::joins);
        if (merged != null) {
            return merged;
        }
        if (methods != null) {
            plan = ConstantRelations.joinedConstantRows(plan, folding);
        }
        if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode j
                && EquivalenceConstants.contradictory(conjuncts(f.condition())) && !outerSideContradiction(f, j)) {
            // PostgreSQL's constant-false equivalence class over a join's relations: the join relation is dummy
            return GatingQuals.emptyRows(plan.width());
        }
        if (methods != null && plan instanceof NestedLoopJoinNode lateral && !lateral.lateral().isEmpty()) {
            plan = LateralPullUp.pullUp(lateral);
        } else if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode lateral
                && !lateral.lateral().isEmpty()) {
            NestedLoopJoinNode pulled = LateralPullUp.pullUp(lateral);
            plan = pulled == lateral ? plan : new FilterNode(pulled, f.condition());
        }
        if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode below
                && below.lateral().isEmpty()) {
            PlanNode reduced = OuterJoinReduction.reduce(below, 0, conjuncts(f.condition()));
            if (reduced != below) {
                plan = new FilterNode(reduced, f.condition());
            }
        }
        if (methods != null && plan instanceof NestedLoopJoinNode inner && inner.kind() == NestedLoopJoinNode.Kind.INNER
                && inner.lateral().isEmpty() && inner.condition() != null) {
            plan = OuterJoinReduction.reduce(inner, 0, conjuncts(inner.condition()));
        } else if (methods != null && plan instanceof NestedLoopJoinNode outer && outer.lateral().isEmpty()
                && (outer.kind() == NestedLoopJoinNode.Kind.LEFT || outer.kind() == NestedLoopJoinNode.Kind.RIGHT)) {
            plan = OuterJoinReduction.reduce(outer, 0, List.of()); // its ON condition may reduce joins below it
        }
        if (methods != null) {
            PlanNode ordered = outerJoinOrder(plan);
            if (ordered != null) {
                return ordered;
            }
        }
        if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode j
                && j.kind() == NestedLoopJoinNode.Kind.FULL && j.lateral().isEmpty() && j.condition() != null
                && PlanExpressions.uncorrelated(j.left()) && PlanExpressions.uncorrelated(j.right())) {
            FullJoinConstants.Pushed pushed = FullJoinConstants.push(j, conjuncts(f.condition()));
            if (pushed != null) {
                PlanNode join = methods.choose(j.kind(), filtered(j.left(), pushed.left()),
                        filtered(j.right(), pushed.right()), conjuncts(j.condition()), j.left().width());
                return pushed.rest().isEmpty() ? join : new FilterNode(join, and(pushed.rest()));
            }
        }
        if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode j
                && (j.kind() == NestedLoopJoinNode.Kind.LEFT
                    || j.kind() == NestedLoopJoinNode.Kind.INNER && !j.lateral().isEmpty())) {
            return filteredOuter(f, j);
        }
        if (methods != null && plan instanceof NestedLoopJoinNode j && !j.lateral().isEmpty()
                && (j.kind() == NestedLoopJoinNode.Kind.INNER || j.kind() == NestedLoopJoinNode.Kind.LEFT)) {
            // a LATERAL right side reruns per left row; the left side is planned on its own
            PlanNode left = joins(j.left());
            return lateralJoin(new NestedLoopJoinNode(j.kind(), left, j.right(), j.condition(), j.lateral()), List.of());
        }
        if (plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode j
                && j.kind() == NestedLoopJoinNode.Kind.INNER && j.lateral().isEmpty()) {
            List<BoundExpr> conjuncts = conjuncts(f.condition());
            if (j.condition() != null) {
                conjuncts.addAll(conjuncts(j.condition()));
            }
            return inner(j, conjuncts);
        }
        if (plan instanceof NestedLoopJoinNode j && j.lateral().isEmpty() && j.condition() != null) {
            if (j.kind() == NestedLoopJoinNode.Kind.INNER) {
                return inner(j, conjuncts(j.condition()));
            }
            if (j.kind() == NestedLoopJoinNode.Kind.LEFT) {
                return leftJoin(j);
            }
            if (methods != null && j.kind() == NestedLoopJoinNode.Kind.RIGHT && ConstantRelations.constantRow(j.right())) {
                return constantOuter(j);
            }
            if (methods != null) {
                // RIGHT and FULL joins: a merge join when equalities allow, a hash join (built again when an enclosing
                // loop's parameters change), else the nested loop
                return methods.choose(j.kind(), joins(j.left()), joins(j.right()), conjuncts(j.condition()),
                        j.left().width());
            }
        }
        if (methods != null && plan instanceof FilterNode f && f.input() instanceof NestedLoopJoinNode j
                && j.lateral().isEmpty() && j.condition() != null
                && (j.kind() == NestedLoopJoinNode.Kind.RIGHT || j.kind() == NestedLoopJoinNode.Kind.FULL)) {
            return filteredRightOrFull(f, j);
        }
        if (plan instanceof NestedLoopJoinNode j && j.lateral().isEmpty() && j.condition() == null
                && j.kind() == NestedLoopJoinNode.Kind.INNER) {
            if (methods != null) {
                List<JoinOrder.Input> inputs = new ArrayList<>();
                List<BoundExpr> conditions = new ArrayList<>();
                flatten(j, 0, inputs, conditions);
                PlanNode withoutConstants = ConstantRelations.without(inputs, conditions, folding, this::plannedInput);
                if (withoutConstants != null) {
                    return withoutConstants;
                }
                // a cross join: which side drives the loop is still the cost model's choice
                return methods.choose(j.kind(), joins(j.left()), joins(j.right()), List.of(), j.left().width());
            }
            return new NestedLoopJoinNode(j.kind(), joins(j.left()), joins(j.right()), null);
        }
        return plan;
    }

    /**
     * Whether the contradiction lies in a LEFT join's outer side alone: the join may still be removed (join removal
     * runs on the planned query here, before it in PostgreSQL), leaving that side's scan under its constant-false
     * gate, so the outer side is gated instead (join.sql 1666).
     */
    private static boolean outerSideContradiction(FilterNode f, NestedLoopJoinNode j) {
        if (j.kind() != NestedLoopJoinNode.Kind.LEFT) {
            return false;
        }
        int leftWidth = j.left().width();
        List<BoundExpr> leftOnly = new ArrayList<>();
        for (BoundExpr c : conjuncts(f.condition())) {
            if (refs(c).nextSetBit(leftWidth) < 0) {
                leftOnly.add(c);
            }
        }
        return EquivalenceConstants.contradictory(leftOnly);
    }

    /**
     * The query's FROM rows (not yet planned) joined with its pulled-up sublinks: the FROM join planned first and the
     * sublinks' joins above it ({@link #semiJoins}), or, when cheaper, a semi join's right side made unique (or unique
     * already) taking part in the FROM items' join search as one more inner-joined item. PostgreSQL's join_is_legal
     * lets that side join any subset of the FROM items (JOIN_UNIQUE_INNER/OUTER, reduce_unique_semijoins), so it can
     * meet the item its equalities key it to before the others.
     */
    public PlanNode joinsWithSublinks(PlanNode from, List<SublinkPullUp.SemiJoin> joins) {
        PlanNode plan = semiJoins(joins(from), joins);
        if (methods == null || joins.size() != 1 || joins.get(0).kind() != NestedLoopJoinNode.Kind.SEMI) {
            return plan;
        }
        PlanNode searched = uniqueSideSearched(from, joins.get(0));
        return searched == null ? plan : methods.cheaper(plan, searched);
    }

    private PlanNode uniqueSideSearched(PlanNode from, SublinkPullUp.SemiJoin j) {
        List<BoundExpr> where = new ArrayList<>();
        PlanNode items = from;
        if (from instanceof FilterNode f) {
            where.addAll(conjuncts(f.condition()));
            items = f.input();
        }
        if (!(items instanceof NestedLoopJoinNode n && n.kind() == NestedLoopJoinNode.Kind.INNER
                && n.lateral().isEmpty())) {
            return null; // one FROM item: semiJoins already tries both sides of the one join
        }
        List<JoinOrder.Input> inputs = new ArrayList<>();
        flatten(items, 0, inputs, new ArrayList<>());
        if (inputs.size() + 1 > JoinOrder.DP_LIMIT || where.stream().anyMatch(c -> !pushable(c))) {
            return null;
        }
        int width = from.width();
        PlanNode inner = j.innerFilter() == null ? joins(j.inner()) : filtered(j.inner(), j.innerFilter());
        if (ConstantRelations.constantRow(inner)) {
            return null; // a constant row's semi join is a filter of the FROM rows (semiJoins), never a join
        }
        PlanNode side;
        List<BoundExpr> conditions = j.conditions();
        if (new JoinRemoval(indexes).uniqueFor(inner, conditions, width)) {
            // unique already: a plain inner join (reduce_unique_semijoins)
            side = inner instanceof NestedLoopJoinNode ? null : inner;
        } else {
            // priced as a plain inner join (with part of the semi join's left side, PostgreSQL's JOIN_UNIQUE_INNER is
            // no inner-unique join; with all of it, InnerUnique sees the side's keys compared), sized as the semi join
            JoinMethods.UniqueSide unique = methods.uniqueSide(inner, conditions, j.written(), width);
            if (unique == null) {
                return null;
            }
            side = unique.plan();
            conditions = unique.conditions();
            costs.searchedSemiSide(side);
        }
        if (side == null) {
            return null;
        }
        where.addAll(conditions);
        PlanNode joined = joins(new FilterNode(new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, items, side, null),
                and(where)));
        List<BoundExpr> fromColumns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            fromColumns.add(new InputRef(i, 0, -1, null));
        }
        return new ProjectNode(joined, fromColumns);
    }

    /**
     * The query's planned FROM rows joined with pulled-up sublinks (semi and anti joins) by the cheapest method;
     * the joins keep the FROM row's columns, so the WHERE and targets above read them unchanged.
     */
    public PlanNode semiJoins(PlanNode plan, List<SublinkPullUp.SemiJoin> joins) {
        for (SublinkPullUp.SemiJoin j : joins) {
            PlanNode inner = j.innerFilter() == null ? joins(j.inner()) : filtered(j.inner(), j.innerFilter());
            int width = plan.width();
            if (methods != null && EmptyJoins.emptyJoin(j.kind(), plan, inner)) {
                plan = GatingQuals.emptyRows(width);
                continue;
            }
            if (methods != null && j.kind() == NestedLoopJoinNode.Kind.SEMI && ConstantRelations.constantRow(inner)) {
                // a semi join with one constant row: its conditions filter the rows (remove_useless_result_rtes)
                BoundExpr condition = ConstantRelations.projectedValues(
                        ConstantRelations.rightValues(and(j.conditions()), inner, width, folding), plan, folding);
                if (condition instanceof org.lakepg.server.sql.plan.expr.Const k) {
                    plan = Boolean.TRUE.equals(k.value()) ? plan : GatingQuals.emptyRows(width);
                } else {
                    plan = new FilterNode(plan, condition);
                }
                continue;
            }
            if (j.kind() == NestedLoopJoinNode.Kind.SEMI && new JoinRemoval(indexes).uniqueFor(inner, j.conditions(), width)) {
                // at most one match per row: a plain inner join (reduce_unique_semijoins), free to hash either side
                List<BoundExpr> left = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    left.add(new InputRef(i, 0, -1, null));
                }
                plan = new ProjectNode(methods.choose(NestedLoopJoinNode.Kind.INNER, plan, inner, j.conditions(), width),
                        left);
                continue;
            }
            PlanNode joined = methods.choose(j.kind(), plan, inner, j.conditions(), width);
            if (j.kind() == NestedLoopJoinNode.Kind.SEMI) {
                // or an inner join with the inner side made unique on the compared columns, if that is cheaper
                PlanNode uniquified = methods.uniquifiedSemiJoin(plan, inner, j.conditions(), j.written(), width);
                joined = uniquified == null ? joined : methods.cheaper(joined, uniquified);
            }
            plan = joined;
        }
        return plan;
    }

    private PlanNode inner(NestedLoopJoinNode j, List<BoundExpr> conjuncts) {
        if (methods != null) {
            List<JoinOrder.Input> inputs = new ArrayList<>();
            List<BoundExpr> all = new ArrayList<>(conjuncts);
            flatten(j.left(), 0, inputs, all);
            flatten(j.right(), j.left().width(), inputs, all);
            PlanNode withoutConstants = ConstantRelations.without(inputs, all, folding, this::plannedInput);
            if (withoutConstants != null) {
                return withoutConstants;
            }
            if (EquivalenceConstants.contradictory(all)) {
                return GatingQuals.emptyRows(j.width()); // PostgreSQL's constant-false equivalence class
            }
            all = EquivalenceConstants.propagate(all);
            List<BoundExpr> implied = OrRestrictions.implied(all, inputs, (i, restriction) -> {
                JoinOrder.Input input = inputs.get(i);
                return costs.selectivity(input.plan(), shift(restriction, -input.offset()));
            });
            all.addAll(implied);
            conjuncts = new ArrayList<>(conjuncts);
            conjuncts.addAll(implied);
            if (inputs.size() >= 3 && all.stream().allMatch(Conjuncts::pushable)) {
                PlanNode ordered = order.plan(inputs, all, (input, condition) -> condition == null ? joins(input)
                        : filtered(input, condition));
                if (ordered != null) {
                    return ordered;
                }
            }
        }
        int leftWidth = j.left().width();
        conjuncts = EquivalenceConstants.propagate(conjuncts);
        List<BoundExpr> leftOnly = new ArrayList<>();
        List<BoundExpr> rightOnly = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            BitSet refs = refs(c);
            if (!pushable(c)) {
                rest.add(c);
            } else if (refs.nextSetBit(leftWidth) < 0) {
                leftOnly.add(c);
            } else if (refs.nextSetBit(0) >= leftWidth) {
                rightOnly.add(shift(c, -leftWidth));
            } else {
                rest.add(c);
            }
        }
        PlanNode left = leftOnly.isEmpty() ? joins(j.left()) : filtered(j.left(), and(leftOnly));
        PlanNode right = rightOnly.isEmpty() ? joins(j.right()) : filtered(j.right(), and(rightOnly));
        if (methods != null) {
            rest = EquivalenceSides.oriented(rest, leftWidth, firstRelation(j), methods::sortable);
        }
        return hashed(NestedLoopJoinNode.Kind.INNER, left, right, rest, leftWidth);
    }

    /** Whether the join's left side is make_join_rel's first relation ({@link EquivalenceSides#leftFirst}). */
    private static boolean firstRelation(NestedLoopJoinNode j) {
        return EquivalenceSides.leftFirst(EquivalenceSides.relations(j.left()), EquivalenceSides.relations(j.right()),
                true);
    }

    /**
     * A tree of joins with outer joins among them (under its WHERE conditions), in the cheapest order PostgreSQL's
     * rules allow; null when the tree has no outer join to order.
     */
    private PlanNode outerJoinOrder(PlanNode plan) {
        PlanNode join = plan instanceof FilterNode f ? f.input() : plan;
        List<BoundExpr> where = plan instanceof FilterNode f ? conjuncts(f.condition()) : List.of();
        OuterJoinTree tree = OuterJoinTree.of(join, where);
        if (tree == null || tree.inputs.stream().anyMatch(i -> ConstantRelations.constantRow(i.plan()))) {
            return null; // a constant FROM item's values are put into the conditions instead
        }
        if (EquivalenceConstants.contradictory(tree.undelayed)) {
            return GatingQuals.emptyRows(plan.width()); // PostgreSQL's constant-false equivalence class
        }
        return order.plan(tree, (input, condition) -> condition == null ? joins(input) : filtered(input, condition));
    }

    /**
     * WHERE over a RIGHT or FULL join the conditions did not reduce: those on a RIGHT join's preserved (right) side
     * alone filter that input before the join, as PostgreSQL pushes them down; the rest filter the joined rows.
     */
    private PlanNode filteredRightOrFull(FilterNode f, NestedLoopJoinNode j) {
        int leftWidth = j.left().width();
        List<BoundExpr> rightOnly = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts(f.condition())) {
            if (j.kind() == NestedLoopJoinNode.Kind.RIGHT && pushable(c) && !refs(c).isEmpty()
                    && refs(c).nextSetBit(0) >= leftWidth) {
                rightOnly.add(shift(c, -leftWidth));
            } else {
                rest.add(c);
            }
        }
        PlanNode right = rightOnly.isEmpty() ? joins(j.right()) : filtered(j.right(), and(rightOnly));
        PlanNode join = methods.choose(j.kind(), joins(j.left()), right, conjuncts(j.condition()), leftWidth);
        return rest.isEmpty() ? join : new FilterNode(join, and(rest));
    }

    /** A join's input, or one input under its conditions (a scan may then use an index). */
    private PlanNode plannedInput(PlanNode p) {
        return p instanceof FilterNode f && !(f.input() instanceof NestedLoopJoinNode) ? filtered(f.input(), f.condition())
                : joins(p);
    }

    /**
     * A RIGHT join whose preserved side is a constant row: a LEFT join driven by that row (PostgreSQL has no
     * nested loop right join), its values put into the condition, which then filters the other side's scan.
     */
    private PlanNode constantOuter(NestedLoopJoinNode j) {
        int leftWidth = j.left().width();
        int rightWidth = j.right().width();
        BoundExpr on = ConstantRelations.leftValues(JoinMethods.swapSides(j.condition(), leftWidth, rightWidth),
                j.right(), folding);
        PlanNode swapped = on instanceof org.lakepg.server.sql.plan.expr.Const k && Boolean.TRUE.equals(k.value())
                ? new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, j.right(), joins(j.left()), null)
                : leftJoin(new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, j.right(), j.left(), on));
        return JoinMethods.restored(swapped, leftWidth, rightWidth);
    }

    /** The inputs of a tree of inner joins, with the joins' own conditions moved to the query's row. */
    private static void flatten(PlanNode p, int offset, List<JoinOrder.Input> inputs, List<BoundExpr> conjuncts) {
        if (p instanceof NestedLoopJoinNode j && j.kind() == NestedLoopJoinNode.Kind.INNER && j.lateral().isEmpty()) {
            if (j.condition() != null) {
                conjuncts(j.condition()).forEach(c -> conjuncts.add(shift(c, offset)));
            }
            flatten(j.left(), offset, inputs, conjuncts);
            flatten(j.right(), offset + j.left().width(), inputs, conjuncts);
            return;
        }
        inputs.add(new JoinOrder.Input(p, offset, p.width()));
    }

    /**
     * WHERE over a LEFT join, or over a LATERAL inner join: the conditions on left columns alone filter the left
     * input before the join (PostgreSQL pushes them down to their relation); the rest stay above.
     */
    private PlanNode filteredOuter(FilterNode f, NestedLoopJoinNode j) {
        int leftWidth = j.left().width();
        List<BoundExpr> leftOnly = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts(f.condition())) {
            if (pushable(c) && refs(c).nextSetBit(leftWidth) < 0) {
                leftOnly.add(c);
            } else {
                rest.add(c);
            }
        }
        PlanNode left = leftOnly.isEmpty() ? joins(j.left()) : filtered(j.left(), and(leftOnly));
        PlanNode join;
        if (!j.lateral().isEmpty()) {
            join = new NestedLoopJoinNode(j.kind(), left, j.right(), j.condition(), j.lateral());
            if (j.kind() == NestedLoopJoinNode.Kind.INNER) {
                // an inner join's WHERE conditions are join conditions too
                List<BoundExpr> moved = rest;
                rest = new ArrayList<>();
                join = lateralJoin((NestedLoopJoinNode) join, moved, rest);
            } else {
                join = lateralJoin((NestedLoopJoinNode) join, List.of());
            }
        } else if (j.condition() == null) {
            join = new NestedLoopJoinNode(j.kind(), left, joins(j.right()), null);
        } else {
            List<BoundExpr> derived = j.kind() == NestedLoopJoinNode.Kind.LEFT
                    ? EquivalenceConstants.outerJoinConstants(leftOnly, conjuncts(j.condition()), leftWidth) : List.of();
            if (!derived.isEmpty()) {
                List<BoundExpr> on = new ArrayList<>(conjuncts(j.condition()));
                on.addAll(derived);
                j = new NestedLoopJoinNode(j.kind(), j.left(), j.right(), and(on), j.lateral());
            }
            join = leftJoin(j, left);
        }
        return rest.isEmpty() ? join : new FilterNode(join, and(rest));
    }

    /** A LATERAL join with its conditions (and {@code more} of an inner join's) moved into the right side. */
    private NestedLoopJoinNode lateralJoin(NestedLoopJoinNode j, List<BoundExpr> more) {
        return lateralJoin(j, more, null);
    }

    /** As above; conditions that cannot move go to {@code kept} when given, else stay the join's condition. */
    private NestedLoopJoinNode lateralJoin(NestedLoopJoinNode j, List<BoundExpr> more, List<BoundExpr> kept) {
        List<BoundExpr> all = new ArrayList<>(more);
        if (j.condition() != null) {
            all.addAll(conjuncts(j.condition()));
        }
        List<BoundExpr> stay = new ArrayList<>();
        NestedLoopJoinNode pushed = LateralQuals.pushDown(new NestedLoopJoinNode(j.kind(), j.left(), j.right(),
                all.isEmpty() ? null : and(all), j.lateral()), all.isEmpty() ? null : and(all), paramIds, stay);
        if (stay.size() == all.size()) {
            if (kept != null) {
                kept.addAll(more); // nothing moved: the join keeps its own condition, the others stay above
            }
            return j;
        }
        if (kept != null) {
            kept.addAll(stay);
            return new NestedLoopJoinNode(pushed.kind(), pushed.left(), pushed.right(), null, pushed.lateral());
        }
        return new NestedLoopJoinNode(pushed.kind(), pushed.left(), pushed.right(), stay.isEmpty() ? null : and(stay),
                pushed.lateral());
    }

    private PlanNode leftJoin(NestedLoopJoinNode j) {
        return leftJoin(j, joins(j.left()));
    }

    private PlanNode leftJoin(NestedLoopJoinNode j, PlanNode plannedLeft) {
        int leftWidth = j.left().width();
        if (methods != null && j.condition() != null && ConstantRelations.constantRow(j.right())) {
            BoundExpr on = ConstantRelations.rightValues(j.condition(), j.right(), leftWidth, folding);
            on = on instanceof org.lakepg.server.sql.plan.expr.Const k && Boolean.TRUE.equals(k.value()) ? null : on;
            if (on == null) {
                return new NestedLoopJoinNode(j.kind(), plannedLeft, j.right(), null);
            }
            j = new NestedLoopJoinNode(j.kind(), j.left(), j.right(), on, j.lateral());
        }
        if (methods != null && j.condition() != null && j.lateral().isEmpty() && ConstantRelations.constantRow(j.left())
                && !SubstitutedConstants.placeholders(j.left())) {
            // the preserved side's constants are put into the condition (PostgreSQL substitutes a pulled-up
            // subquery's values; only a nullable side's are PlaceHolderVars): what reads the right side then filters it
            BoundExpr on = ConstantRelations.leftValues(j.condition(), j.left(), folding);
            on = on instanceof org.lakepg.server.sql.plan.expr.Const k && Boolean.TRUE.equals(k.value()) ? null : on;
            j = new NestedLoopJoinNode(j.kind(), j.left(), j.right(), on, j.lateral());
            if (on == null) {
                return new NestedLoopJoinNode(j.kind(), plannedLeft, joins(j.right()), null);
            }
        }
        if (methods != null && j.condition() != null && j.lateral().isEmpty()
                && folding.apply(j.condition()) instanceof org.lakepg.server.sql.plan.expr.Const k
                && !Boolean.TRUE.equals(k.value())) {
            // a constant-false ON: the nullable side is a dummy relation, as PostgreSQL plans it (a Result behind
            // One-Time Filter: false under the join's Join Filter: false); every left row comes out null-extended
            return new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, plannedLeft,
                    GatingQuals.emptyRows(j.right().width()), k);
        }
        List<BoundExpr> rightOnly = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts(j.condition())) {
            if (pushable(c) && refs(c).nextSetBit(0) >= leftWidth) {
                rightOnly.add(shift(c, -leftWidth));
            } else {
                rest.add(c);
            }
        }
        PlanNode right = rightOnly.isEmpty() ? joins(j.right()) : filtered(j.right(), and(rightOnly));
        return hashed(NestedLoopJoinNode.Kind.LEFT, plannedLeft, right, rest, leftWidth);
    }

    /** Whether a hash table of this input holds the same rows however often the statement runs it. */
    public static boolean sameRowsEveryRun(HashLookupNode lookup) {
        return PlanExpressions.uncorrelated(lookup.input());
    }

    /** The join, probing a hash table of the right side when a condition equates a left value and a right column. */
    private PlanNode hashed(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<BoundExpr> conditions,
                            int leftWidth) {
        if (methods != null && (kind == NestedLoopJoinNode.Kind.INNER || kind == NestedLoopJoinNode.Kind.LEFT)) {
            return methods.choose(kind, left, right, conditions, leftWidth);
        }
        if (PlanExpressions.uncorrelated(right)) {
            for (BoundExpr c : conditions) {
                if (!(c instanceof FuncExpr f) || !isEquality(f)) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    BoundExpr probe = f.arguments().get(side);
                    BoundExpr build = unwrap(f.arguments().get(1 - side));
                    BitSet probeRefs = refs(probe);
                    if (build instanceof InputRef in && in.index() >= leftWidth && probeRefs.nextSetBit(leftWidth) < 0
                            && pushable(probe) && hashable(probe.type(), in.type())) {
                        int id = paramIds.getAsInt();
                        PlanNode lookup = new HashLookupNode(right, in.index() - leftWidth,
                                new OuterParam(id, probe.type(), probe.typmod(), null));
                        List<BoundExpr> others = new ArrayList<>(conditions);
                        others.remove(c);
                        return new NestedLoopJoinNode(kind, left, lookup, others.isEmpty() ? null : and(others),
                                List.of(new Correlation(id, probe)));
                    }
                }
            }
        }
        return new NestedLoopJoinNode(kind, left, right, conditions.isEmpty() ? null : and(conditions));
    }

    /** A filter pushed onto one join input: an index scan when it can be, and joins below optimized too. */
    private PlanNode filtered(PlanNode input, BoundExpr condition) {
        if (methods != null && input instanceof ProjectNode x && pushable(condition)
                && refs(condition).stream().allMatch(i -> pushable(x.expressions().get(i)))) {
            // a subquery's projection: the condition over its inputs filters below it (as PostgreSQL's pulled-up
            // subquery would), where it may use an index
            BoundExpr below = ExprRewriter.map(condition, e -> e instanceof InputRef in ? x.expressions().get(in.index()) : e);
            return new ProjectNode(filtered(x.input(), below), x.expressions());
        }
        if (methods != null && InheritedScans.inheritanceScan(input) && SelfRefutingQuals.refuted(conjuncts(condition))) {
            return InheritedScans.excluded(input); // each member excluded by its own restrictions
        }
        if (input instanceof SeqScanNode scan) {
            PlanNode gated = methods == null ? null : ContradictoryScans.gated(condition, c -> filtered(scan, c));
            if (gated != null) {
                return gated; // an outer join's side held to two constants (join.sql 1666)
            }
            PlanNode chosen = IndexSelection.choose(scan, condition, indexes.apply(scan.table()));
            PlanNode every = methods == null ? null
                    : IndexSelection.everyClause(scan, chosen, condition, indexes.apply(scan.table()), costs.settings());
            return every != null ? every : subplan(new FilterNode(chosen, condition));
        }
        if (input instanceof org.lakepg.server.sql.plan.SubqueryScanNode q && LockedSubqueryQuals.applies(q)) {
            // below its LockRows, so the rows the condition drops are not locked
            var pushed = LockedSubqueryQuals.push(q, condition, this::filtered);
            return pushed.remaining() == null ? pushed.plan() : new FilterNode(pushed.plan(), pushed.remaining());
        }
        return joins(new FilterNode(input, condition));
    }

    /**
     * A correlated subquery's plan: under its projections and aggregates, a filter comparing a
     * column with outer values probes a hash table of the uncorrelated rows below it.
     */
    public PlanNode subplan(PlanNode plan) {
        return switch (plan) {
            case ProjectNode x -> new ProjectNode(subplan(x.input()), x.expressions());
            case AggregateNode a -> a.withInput(subplan(a.input()));
            case LimitNode l -> l.withInput(subplan(l.input()));
            case SortNode s -> new SortNode(subplan(s.input()), s.keys());
            case DistinctNode d -> new DistinctNode(subplan(d.input()), d.keys());
            case FilterNode f when PlanExpressions.uncorrelated(f.input()) -> {
                for (BoundExpr c : conjuncts(f.condition())) {
                    if (!(c instanceof FuncExpr eq) || !isEquality(eq)) {
                        continue;
                    }
                    for (int side = 0; side < 2; side++) {
                        BoundExpr column = unwrap(eq.arguments().get(side));
                        BoundExpr outer = eq.arguments().get(1 - side);
                        if (column instanceof InputRef in && refs(outer).isEmpty() && pushable(outer)
                                && ExprRewriter.any(outer, x -> x instanceof OuterParam)
                                && hashable(outer.type(), in.type())) {
                            yield new FilterNode(new HashLookupNode(f.input(), in.index(), outer), f.condition());
                        }
                    }
                }
                yield plan;
            }
            default -> plan;
        };
    }

    private static boolean isEquality(FuncExpr f) {
        return f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=") && f.arguments().size() == 2;
    }

    /**
     * Types whose SQL equality is equality of lakepg's values (after widening integers and making -0 zero): the
     * date/time types hold integers, uuid a UUID, the float types a Float or Double (NaN equals NaN, as in SQL).
     */
    static boolean hashable(long a, long b) {
        return integer(a) && integer(b) || text(a) && text(b) || a == b && SAME_TYPE_HASHABLE.contains(a);
    }

    private static final java.util.Set<Long> SAME_TYPE_HASHABLE = java.util.Set.of(TypeOids.BOOL, TypeOids.OID,
            TypeOids.DATE, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.UUID, TypeOids.FLOAT4,
            TypeOids.FLOAT8);

    private static boolean integer(long t) {
        return t == TypeOids.INT2 || t == TypeOids.INT4 || t == TypeOids.INT8;
    }

    private static boolean text(long t) {
        return t == TypeOids.TEXT || t == TypeOids.VARCHAR || t == TypeOids.NAME;
    }

}
