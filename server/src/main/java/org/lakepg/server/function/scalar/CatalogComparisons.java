package org.lakepg.server.function.scalar;

import java.util.function.IntPredicate;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgArray;

/**
 * Comparisons of the catalog's own types: oid, "char" and oidvector (xid and pg_lsn: TxidFunctions, LsnFunctions) (operators,
 * btree support functions and the min/max helpers), as PostgreSQL orders them.
 */
public final class CatalogComparisons {
    private CatalogComparisons() {}

    private static final String[] OPS = {"eq", "ne", "lt", "le", "gt", "ge"};

    public static void register(FunctionRegistry r) {
        for (String op : OPS) {
            IntPredicate test = test(op);
            r.register("oid" + op, (x, c) -> test.test(Long.compare(oid(x[0]), oid(x[1]))));
            r.register("char" + op, (x, c) -> test.test(Integer.compare(ch(x[0]), ch(x[1]))));
            r.register("oidvector" + op, (x, c) -> test.test(compareVectors((PgArray) x[0], (PgArray) x[1])));
        }
        r.register("btoidcmp", (x, c) -> Long.compare(oid(x[0]), oid(x[1])));
        r.register("btcharcmp", (x, c) -> Integer.compare(ch(x[0]), ch(x[1])));
        r.register("btoidvectorcmp", (x, c) -> compareVectors((PgArray) x[0], (PgArray) x[1]));
    }

    private static IntPredicate test(String op) {
        return switch (op) {
            case "eq" -> v -> v == 0;
            case "ne" -> v -> v != 0;
            case "lt" -> v -> v < 0;
            case "le" -> v -> v <= 0;
            case "gt" -> v -> v > 0;
            default -> v -> v >= 0;
        };
    }

    private static long oid(Object v) {
        return ((Number) v).longValue() & 0xFFFFFFFFL;
    }

    /** "char" compares as an unsigned byte. */
    private static int ch(Object v) {
        return ((Byte) v) & 0xFF;
    }

    private static int compareVectors(PgArray a, PgArray b) {
        if (a.elements().length != b.elements().length) {
            return Integer.compare(a.elements().length, b.elements().length);
        }
        for (int i = 0; i < a.elements().length; i++) {
            int cmp = Long.compare(oid(a.elements()[i]), oid(b.elements()[i]));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }
}
