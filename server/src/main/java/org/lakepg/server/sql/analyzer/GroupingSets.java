package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.GroupingSet;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * GROUP BY with GROUPING SETS, ROLLUP and CUBE expanded as PostgreSQL's expand_grouping_sets does: every top-level
 * item yields a list of sets, and the clause is their cartesian product. Keys are analyzed once; sets refer to them
 * by index.
 */
final class GroupingSets {
    /** The distinct key expressions and, per grouping set, the indexes of its keys. */
    record Expansion(List<BoundExpr> keys, List<List<Integer>> sets) {
    }

    private final Function<Expr, BoundExpr> analyzeKey;
    private final List<BoundExpr> keys = new ArrayList<>();

    private GroupingSets(Function<Expr, BoundExpr> analyzeKey) {
        this.analyzeKey = analyzeKey;
    }

    static boolean present(List<Expr> groupClause) {
        return groupClause != null && groupClause.stream().anyMatch(e -> e instanceof GroupingSet);
    }

    static Expansion expand(List<Expr> groupClause, boolean distinct, Function<Expr, BoundExpr> analyzeKey) {
        GroupingSets g = new GroupingSets(analyzeKey);
        List<List<Integer>> product = List.of(List.of());
        for (Expr item : groupClause) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> left : product) {
                for (List<Integer> right : g.sets(item)) {
                    LinkedHashSet<Integer> union = new LinkedHashSet<>(left);
                    union.addAll(right);
                    next.add(List.copyOf(union));
                }
            }
            product = next;
        }
        if (distinct) {
            List<List<Integer>> unique = new ArrayList<>();
            for (List<Integer> set : product) {
                if (unique.stream().noneMatch(u -> u.size() == set.size() && u.containsAll(set))) {
                    unique.add(set);
                }
            }
            product = unique;
        }
        return new Expansion(List.copyOf(g.keys), product);
    }

    private int key(Expr e) {
        BoundExpr bound = analyzeKey.apply(e);
        int at = keys.indexOf(bound);
        if (at < 0) {
            keys.add(bound);
            at = keys.size() - 1;
        }
        return at;
    }

    /** The key indexes of a plain item or of a parenthesized column list. */
    private List<Integer> columns(Expr e) {
        if (e instanceof GroupingSet g && (g.kind() == GroupingSet.Kind.SIMPLE || g.kind() == GroupingSet.Kind.EMPTY)) {
            List<Integer> out = new ArrayList<>();
            for (Expr c : g.content()) {
                out.add(key(c));
            }
            return out;
        }
        if (e instanceof org.lakepg.server.sql.ast.RowExpr r && !r.explicitRow()) {
            return columns(new GroupingSet(GroupingSet.Kind.SIMPLE, r.args(), r.location()));
        }
        return List.of(key(e));
    }

    private List<List<Integer>> sets(Expr item) {
        if (item instanceof org.lakepg.server.sql.ast.RowExpr r && !r.explicitRow()) {
            // (a, b) inside GROUPING SETS is a set of columns, not a row value (as transformGroupingSet reads it)
            return List.of(columns(new GroupingSet(GroupingSet.Kind.SIMPLE, r.args(), r.location())));
        }
        if (!(item instanceof GroupingSet g)) {
            return List.of(List.of(key(item)));
        }
        return switch (g.kind()) {
            case EMPTY -> List.of(List.of());
            case SIMPLE -> List.of(columns(g));
            case ROLLUP -> {
                List<List<Integer>> parts = g.content().stream().map(this::columns).toList();
                List<List<Integer>> out = new ArrayList<>();
                for (int n = parts.size(); n >= 0; n--) {
                    List<Integer> set = new ArrayList<>();
                    parts.subList(0, n).forEach(set::addAll);
                    out.add(set);
                }
                yield out;
            }
            case CUBE -> {
                List<List<Integer>> parts = g.content().stream().map(this::columns).toList();
                int n = parts.size();
                List<List<Integer>> out = new ArrayList<>();
                for (int mask = (1 << n) - 1; mask >= 0; mask--) {
                    List<Integer> set = new ArrayList<>();
                    for (int j = 0; j < n; j++) {
                        if ((mask & (1 << (n - 1 - j))) != 0) {
                            set.addAll(parts.get(j));
                        }
                    }
                    out.add(set);
                }
                yield out;
            }
            case SETS -> {
                List<List<Integer>> out = new ArrayList<>();
                for (Expr e : g.content()) {
                    out.addAll(sets(e));
                }
                yield out;
            }
        };
    }
}
