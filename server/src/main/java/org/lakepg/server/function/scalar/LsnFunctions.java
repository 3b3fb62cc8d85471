package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/** pg_lsn operators (pg_lsn.c): unsigned 64-bit order, differences and offsets as numeric. */
public final class LsnFunctions {
    private LsnFunctions() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static int cmp(Object[] x) {
        return Integer.signum(Long.compareUnsigned((Long) x[0], (Long) x[1]));
    }

    public static void register(FunctionRegistry r) {
        r.register("pg_lsn_eq", (x, c) -> cmp(x) == 0);
        r.register("pg_lsn_ne", (x, c) -> cmp(x) != 0);
        r.register("pg_lsn_lt", (x, c) -> cmp(x) < 0);
        r.register("pg_lsn_le", (x, c) -> cmp(x) <= 0);
        r.register("pg_lsn_gt", (x, c) -> cmp(x) > 0);
        r.register("pg_lsn_ge", (x, c) -> cmp(x) >= 0);
        r.register("pg_lsn_cmp", (x, c) -> cmp(x));
        r.register("pg_lsn_larger", (x, c) -> cmp(x) > 0 ? x[0] : x[1]);
        r.register("pg_lsn_smaller", (x, c) -> cmp(x) < 0 ? x[0] : x[1]);
        r.register("pg_lsn_hash", (x, c) -> call("hashint8", x[0]));
        r.register("pg_lsn_hash_extended", (x, c) -> call("hashint8extended", x[0], x[1]));
        r.register("pg_lsn_mi", (x, c) -> difference((Long) x[0], (Long) x[1]));
        r.register("pg_wal_lsn_diff", (x, c) -> difference((Long) x[0], (Long) x[1]));
        r.register("pg_lsn_pli", (x, c) -> offset((Long) x[0], (PgNumeric) x[1], false));
        r.register("pg_lsn_mii", (x, c) -> offset((Long) x[0], (PgNumeric) x[1], true));
        r.register("numeric_pg_lsn", (x, c) -> fromNumeric((PgNumeric) x[0]));
    }

    private static Object call(String source, Object... args) {
        return FunctionRegistry.builtins().lookup(source).orElseThrow().apply(args, null);
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    private static PgNumeric difference(long a, long b) {
        return PgNumeric.of(new BigDecimal(unsigned(a).subtract(unsigned(b))));
    }

    private static long offset(long lsn, PgNumeric n, boolean subtract) {
        if (n.isNaN()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, subtract ? "cannot subtract NaN from pg_lsn"
                    : "cannot add NaN to pg_lsn");
        }
        PgNumeric base = PgNumeric.of(new BigDecimal(unsigned(lsn)));
        return fromNumeric((PgNumeric) call(subtract ? "numeric_sub" : "numeric_add", base, n));
    }

    /** numeric_pg_lsn: rounded to an integer, which must fit an unsigned 64-bit number. */
    private static long fromNumeric(PgNumeric n) {
        if (!n.isFinite()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert %s to %s",
                    n.isNaN() ? "NaN" : "infinity", "pg_lsn");
        }
        BigInteger v = n.value().setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "pg_lsn out of range");
        }
        return v.longValue();
    }
}
