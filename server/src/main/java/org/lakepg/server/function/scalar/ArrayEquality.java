package org.lakepg.server.function.scalar;

import java.util.Arrays;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;

/**
 * array_eq / array_ne: same dimensions, lower bounds and elements (NULL elements equal each other,
 * as array_eq does). Elements compare by value; numerics by numeric value (1.0 = 1.00).
 */
public final class ArrayEquality {
    private ArrayEquality() {}

    public static void register(FunctionRegistry r) {
        r.register("array_eq", (x, c) -> equal((PgArray) x[0], (PgArray) x[1]));
        r.register("array_ne", (x, c) -> !equal((PgArray) x[0], (PgArray) x[1]));
    }

    static boolean equal(PgArray a, PgArray b) {
        if (!Arrays.equals(a.dims(), b.dims()) || !Arrays.equals(a.lowerBounds(), b.lowerBounds())) {
            return false;
        }
        Object[] x = a.elements();
        Object[] y = b.elements();
        for (int i = 0; i < x.length; i++) {
            if (!elementEqual(x[i], y[i])) {
                return false;
            }
        }
        return true;
    }

    /** IS NOT DISTINCT FROM between two elements (array_position, array_remove ...). */
    static boolean notDistinct(Object x, Object y) {
        return x == null || y == null ? x == y : elementEqual(x, y);
    }

    private static boolean elementEqual(Object x, Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof PgNumeric n && y instanceof PgNumeric m) {
            return n.compareTo(m) == 0;
        }
        if (x instanceof PgArray p && y instanceof PgArray q) {
            return equal(p, q);
        }
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return Arrays.equals(p, q);
        }
        if (x instanceof Double d && y instanceof Double e) {
            return d.compareTo(e) == 0 || d.doubleValue() == e.doubleValue();
        }
        if (x instanceof Float d && y instanceof Float e) {
            return d.compareTo(e) == 0 || d.floatValue() == e.floatValue();
        }
        return x.equals(y);
    }
}
