package org.lakepg.server.exec.expr;

import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.SubscriptAssignExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgPoint;

/**
 * Runs {@code container[subscripts] = value} (PostgreSQL's ExecEvalSubscriptingRefAssign): subscripts are evaluated
 * first and must not be NULL, then the container's kind decides how the value goes in. A varlena array treats a
 * NULL container as empty; a fixed-length one (point) keeps a NULL container, or a NULL value, unchanged.
 */
final class SubscriptAssignments {
    private static final long POINT = 600;
    private static final long JSONB = 3802;

    private SubscriptAssignments() {}

    static CompiledExpr compile(SubscriptAssignExpr x, Function<BoundExpr, CompiledExpr> compiler) {
        CompiledExpr container = compiler.apply(x.container());
        CompiledExpr value = compiler.apply(x.value());
        CompiledExpr[] lower = all(x.lower(), compiler);
        CompiledExpr[] upper = all(x.upper(), compiler);
        boolean slice = x.slice();
        int elementOid = (int) x.value().type();
        boolean point = x.container().type() == POINT;
        boolean jsonb = x.container().type() == JSONB;
        return (row, ctx) -> {
            Object current = container.eval(row, ctx);
            int n = upper.length;
            Object[] keys = new Object[n];
            Integer[] lo = new Integer[n];
            Integer[] hi = new Integer[n];
            for (int i = 0; i < n; i++) {
                lo[i] = (Integer) subscript(lower[i], row, ctx, jsonb);
                keys[i] = subscript(upper[i], row, ctx, jsonb);
                hi[i] = jsonb ? null : (Integer) keys[i];
            }
            Object v = value.eval(row, ctx);
            if (jsonb) {
                return jsonb(current, keys, v);
            }
            if (point) {
                return current == null || v == null ? current : point((PgPoint) current, hi, slice, (Double) v);
            }
            if (current != null && !(current instanceof PgArray)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "subscripted assignment to values of %s is not supported yet",
                        current.getClass().getSimpleName());
            }
            PgArray array = (PgArray) current;
            if (slice) {
                PgArray source = (PgArray) v;
                return ArrayAssignment.slice(array, lo, hi, source, source == null ? 0 : source.elementOid());
            }
            int[] at = new int[n];
            for (int i = 0; i < n; i++) {
                at[i] = hi[i];
            }
            return ArrayAssignment.element(array, at, v, array == null ? elementOid : array.elementOid());
        };
    }

    /**
     * {@code j[k1][k2] = v} on jsonb: the analyzer (AssignmentIndirection) gives int4 or text subscripts, never
     * slices, and a jsonb value. This is where the jsonb code plugs in (PostgreSQL's jsonb_subscript_assign).
     */
    private static Object jsonb(Object container, Object[] path, Object value) {
        return org.lakepg.server.function.scalar.JsonbSubscriptAssign.assign(container, path, value);
    }

    /** A point is a fixed-length array of two float8s, [0] and [1]. */
    private static PgPoint point(PgPoint p, Integer[] subscripts, boolean slice, double v) {
        if (slice) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "updates on slices of fixed-length arrays not implemented");
        }
        if (subscripts.length != 1) {
            throw ArrayAssignment.wrongSubscriptCount();
        }
        return switch (subscripts[0]) {
            case 0 -> new PgPoint(v, p.y());
            case 1 -> new PgPoint(p.x(), v);
            default -> throw ArrayAssignment.outOfRange();
        };
    }

    private static Object subscript(CompiledExpr e, Object[] row, org.lakepg.server.exec.ExecContext ctx,
                                    boolean jsonb) {
        if (e == null) {
            return null;
        }
        Object v = e.eval(row, ctx);
        if (v == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "%s subscript in assignment must not be null",
                    jsonb ? "jsonb" : "array");
        }
        return v;
    }

    private static CompiledExpr[] all(List<BoundExpr> exprs, Function<BoundExpr, CompiledExpr> compiler) {
        CompiledExpr[] out = new CompiledExpr[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = exprs.get(i) == null ? null : compiler.apply(exprs.get(i));
        }
        return out;
    }
}
