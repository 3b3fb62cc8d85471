package org.lakepg.server.function.scalar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * btarraycmp and what is built on it (array_lt/le/gt/ge, array_larger/smaller), as PostgreSQL's array_cmp:
 * elements in storage order with the element type's btree comparison (NULL after any value), then the
 * element count, the number of dimensions, each dimension's length and lower bound.
 */
final class ArrayOrdering {
    private ArrayOrdering() {}

    private static final Map<Integer, ScalarFunction> ELEMENT_COMPARISONS = new ConcurrentHashMap<>();

    static void register(FunctionRegistry r) {
        r.register("btarraycmp", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c));
        r.register("array_lt", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) < 0);
        r.register("array_le", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) <= 0);
        r.register("array_gt", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) > 0);
        r.register("array_ge", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) >= 0);
        r.register("array_larger", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) > 0 ? x[0] : x[1]);
        r.register("array_smaller", (x, c) -> compare((PgArray) x[0], (PgArray) x[1], c) < 0 ? x[0] : x[1]);
    }

    static int compare(PgArray a, PgArray b, FunctionContext context) {
        if (a.elementOid() != b.elementOid()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot compare arrays of different element types");
        }
        Object[] x = a.elements();
        Object[] y = b.elements();
        int common = Math.min(x.length, y.length);
        ScalarFunction element = common == 0 ? null : elementComparison(a.elementOid());
        for (int i = 0; i < common; i++) {
            if (x[i] == null || y[i] == null) {
                if (x[i] != y[i]) {
                    return x[i] == null ? 1 : -1;
                }
                continue;
            }
            int c = ((Number) element.apply(new Object[] {x[i], y[i]}, context)).intValue();
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        if (x.length != y.length) {
            return x.length < y.length ? -1 : 1;
        }
        if (a.dimensionCount() != b.dimensionCount()) {
            return a.dimensionCount() < b.dimensionCount() ? -1 : 1;
        }
        int[] d1 = a.dims();
        int[] d2 = b.dims();
        int[] l1 = a.lowerBounds();
        int[] l2 = b.lowerBounds();
        for (int i = 0; i < d1.length; i++) {
            if (d1[i] != d2[i]) {
                return d1[i] < d2[i] ? -1 : 1;
            }
            if (l1[i] != l2[i]) {
                return l1[i] < l2[i] ? -1 : 1;
            }
        }
        return 0;
    }

    static ScalarFunction elementComparison(int elementOid) {
        return ELEMENT_COMPARISONS.computeIfAbsent(elementOid, oid -> {
            ProcEntry proc = new BuiltinAnalyzerCatalog().btreeComparison(oid).orElseThrow(() -> PgException.of(
                    SqlState.UNDEFINED_FUNCTION, "could not identify a comparison function for type %s", oid));
            return FunctionRegistry.builtins().lookup(proc.source()).orElseThrow(() -> PgException.of(
                    SqlState.FEATURE_NOT_SUPPORTED, "comparison function %s is not implemented in lakepg yet",
                    proc.source()));
        });
    }
}
