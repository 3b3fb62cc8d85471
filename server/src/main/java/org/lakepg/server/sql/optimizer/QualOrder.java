package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * The order in which a scan checks its conditions, as PostgreSQL's: an equality of a column with a constant goes
 * into an equivalence class and comes back as a condition only after the scan's other ones
 * (generate_base_implied_equalities), so {@code a = 1 AND b < 2} is checked as {@code b < 2 AND a = 1}.
 */
public final class QualOrder {
    private QualOrder() {}

    /** Types whose {@code =} is a btree equality (mergejoinable), so that PostgreSQL makes a class of it. */
    private static final Set<Long> BTREE_EQUALITY = Set.of(TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.TEXT,
            TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.NUMERIC, TypeOids.FLOAT4, TypeOids.FLOAT8,
            TypeOids.OID, TypeOids.DATE, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ);

    /** Whether {@code =} of the type is a btree equality, which PostgreSQL puts into equivalence classes. */
    static boolean btreeEquality(long type) {
        return BTREE_EQUALITY.contains(type);
    }

    public static BoundExpr equalitiesLast(BoundExpr condition) {
        List<BoundExpr> conjuncts = Conjuncts.conjuncts(condition);
        if (conjuncts.size() < 2) {
            return condition;
        }
        List<BoundExpr> others = new ArrayList<>();
        List<BoundExpr> equalities = new ArrayList<>();
        Set<Integer> columns = new HashSet<>();
        for (BoundExpr c : conjuncts) {
            Integer column = constantEquality(c);
            // a column equal to two constants makes PostgreSQL compare them instead: left as written
            if (column == null || !columns.add(column)) {
                others.add(c);
            } else {
                equalities.add(c);
            }
        }
        if (equalities.isEmpty() || others.isEmpty()) {
            return condition;
        }
        others.addAll(equalities);
        return Conjuncts.and(others);
    }

    /** The column of {@code column = constant} (either way round), or null. */
    private static Integer constantEquality(BoundExpr e) {
        if (!(e instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            BoundExpr column = unwrap(f.arguments().get(side));
            BoundExpr value = f.arguments().get(1 - side);
            if (column instanceof InputRef in && !IndexSelection.dependsOnRow(value)
                    && BTREE_EQUALITY.contains(in.type()) && BTREE_EQUALITY.contains(value.type())) {
                return in.index();
            }
        }
        return null;
    }

    private static BoundExpr unwrap(BoundExpr e) {
        return e instanceof RelabelType r ? unwrap(r.argument()) : e;
    }
}
