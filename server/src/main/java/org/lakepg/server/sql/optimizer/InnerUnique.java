package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * PostgreSQL's innerrel_is_unique: at most one inner row can match an outer row, because the inner side is a table
 * with a unique index whose every column the join (or a filter of the table) sets equal to one value. EXPLAIN VERBOSE
 * shows it as {@code Inner Unique: true}; the cost model prices such a join as one whose outer rows stop at their first
 * match (costsize.c's inner_unique).
 */
public final class InnerUnique {
    private InnerUnique() {}

    public static boolean of(NestedLoopJoinNode j, Function<TableInfo, List<IndexInfo>> indexes) {
        if (j.kind() == NestedLoopJoinNode.Kind.RIGHT) {
            return false;
        }
        Set<Integer> equated = new HashSet<>();
        int width = j.left().width();
        PlanNode inner = j.right();
        if (j.hashed()) {
            HashLookupNode h = (HashLookupNode) inner;
            equated.addAll(h.keyColumns());
            inner = h.input();
        }
        joinEqualities(j.condition(), width, equated);
        return unique(inner, equated, indexes);
    }

    public static boolean of(MergeJoinNode j, Function<TableInfo, List<IndexInfo>> indexes) {
        if (j.kind() == NestedLoopJoinNode.Kind.RIGHT) {
            return false;
        }
        Set<Integer> equated = new HashSet<>();
        j.rightKeys().stream().map(SortKey::column).forEach(equated::add);
        joinEqualities(j.condition(), j.left().width(), equated);
        PlanNode inner = j.right() instanceof SortNode s ? s.input() : j.right();
        return unique(inner, equated, indexes);
    }

    /** The inner columns that conditions {@code outer = inner} over the joined row tie to the outer row. */
    private static void joinEqualities(BoundExpr condition, int width, Set<Integer> out) {
        for (BoundExpr c : conjuncts(condition)) {
            if (c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=")
                    && f.arguments().size() == 2 && unwrap(f.arguments().get(0)) instanceof InputRef a
                    && unwrap(f.arguments().get(1)) instanceof InputRef b) {
                if (a.index() < width && b.index() >= width) {
                    out.add(b.index() - width);
                } else if (b.index() < width && a.index() >= width) {
                    out.add(a.index() - width);
                }
            }
        }
    }

    /** Whether {@code inner}'s columns {@code equated} (by its own column numbers) cover a unique index of its table. */
    private static boolean unique(PlanNode inner, Set<Integer> equated, Function<TableInfo, List<IndexInfo>> indexes) {
        Set<Integer> tableColumns = new HashSet<>();
        PlanNode p = inner;
        List<Integer> mapping = null;
        while (true) {
            if (p instanceof ProjectNode x) {
                List<Integer> next = new ArrayList<>();
                for (BoundExpr e : x.expressions()) {
                    next.add(unwrap(e) instanceof InputRef in ? in.index() : -1);
                }
                mapping = compose(mapping, next);
                p = x.input();
            } else if (p instanceof FilterNode f) {
                // the table's own conditions: col = constant holds the column to one value as well
                fixedColumns(conjuncts(f.condition()), tableColumns);
                p = f.input();
            } else {
                break;
            }
        }
        if (p instanceof DistinctNode d) {
            // a DISTINCT (or a semi join's unique-ified side): unique on its keys (query_is_distinct_for)
            for (int column : equated) {
                int mapped = mapping == null ? column : column < mapping.size() ? mapping.get(column) : -1;
                if (mapped >= 0) {
                    tableColumns.add(mapped);
                }
            }
            return !d.keys().isEmpty() && d.keys().stream().allMatch(k -> tableColumns.contains(k.column()));
        }
        TableInfo table;
        if (p instanceof SeqScanNode s) {
            table = s.table();
        } else if (p instanceof IndexScanNode s) {
            table = s.table();
            if (s.probe()) {
                tableColumns.add(s.index().columns().get(0) - 1);
            } else if (s.or() == null) {
                fixedColumns(s.conditions(), tableColumns); // a parameterized scan's index conditions
            }
        } else {
            return false;
        }
        for (int column : equated) {
            int mapped = mapping == null ? column : column < mapping.size() ? mapping.get(column) : -1;
            if (mapped >= 0) {
                tableColumns.add(mapped);
            }
        }
        for (IndexInfo index : indexes.apply(table)) {
            if (index.unique() && index.predicate() == null && index.expressions().isEmpty()
                    && index.columns().stream().allMatch(c -> tableColumns.contains(c - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The columns that conditions {@code column = constant or outer value} hold to one value. */
    private static void fixedColumns(List<BoundExpr> conditions, Set<Integer> out) {
        for (BoundExpr c : conditions) {
            if (c instanceof FuncExpr fe && fe.form() == FuncExpr.Form.OPERATOR && fe.name().equals("=")
                    && fe.arguments().size() == 2) {
                BoundExpr l = unwrap(fe.arguments().get(0));
                BoundExpr r = unwrap(fe.arguments().get(1));
                if (l instanceof InputRef in && (r instanceof Const || r instanceof OuterParam)) {
                    out.add(in.index());
                } else if (r instanceof InputRef in && (l instanceof Const || l instanceof OuterParam)) {
                    out.add(in.index());
                }
            }
        }
    }

    private static List<Integer> compose(List<Integer> outer, List<Integer> inner) {
        if (outer == null) {
            return inner;
        }
        List<Integer> out = new ArrayList<>();
        for (int i : outer) {
            out.add(i >= 0 && i < inner.size() ? inner.get(i) : -1);
        }
        return out;
    }

    private static List<BoundExpr> conjuncts(BoundExpr e) {
        List<BoundExpr> out = new ArrayList<>();
        if (e instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND) {
            b.arguments().forEach(a -> out.addAll(conjuncts(a)));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }

    private static BoundExpr unwrap(BoundExpr e) {
        return e instanceof RelabelType r ? unwrap(r.argument()) : e;
    }
}
