package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/** money operators and functions (cash.c); values are cents in a Long, lc_monetary C (two fraction digits). */
public final class MoneyFunctions {
    private MoneyFunctions() {}

    private static long c(Object v) {
        return (Long) v;
    }

    private static int cmp(Object[] x) {
        return Long.compare(c(x[0]), c(x[1]));
    }

    public static void register(FunctionRegistry r) {
        r.register("cash_cmp", (x, ctx) -> cmp(x));
        r.register("cash_eq", (x, ctx) -> cmp(x) == 0);
        r.register("cash_ne", (x, ctx) -> cmp(x) != 0);
        r.register("cash_lt", (x, ctx) -> cmp(x) < 0);
        r.register("cash_le", (x, ctx) -> cmp(x) <= 0);
        r.register("cash_gt", (x, ctx) -> cmp(x) > 0);
        r.register("cash_ge", (x, ctx) -> cmp(x) >= 0);
        r.register("cashlarger", (x, ctx) -> cmp(x) > 0 ? x[0] : x[1]);
        r.register("cashsmaller", (x, ctx) -> cmp(x) < 0 ? x[0] : x[1]);
        r.register("cash_pl", (x, ctx) -> exact(() -> Math.addExact(c(x[0]), c(x[1]))));
        r.register("cash_mi", (x, ctx) -> exact(() -> Math.subtractExact(c(x[0]), c(x[1]))));
        r.register("cash_div_cash", (x, ctx) -> {
            if (c(x[1]) == 0) {
                throw divisionByZero();
            }
            return (double) c(x[0]) / (double) c(x[1]);
        });
        for (String t : new String[] {"flt4", "flt8"}) {
            r.register("cash_mul_" + t, (x, ctx) -> fromDouble(c(x[0]) * ((Number) x[1]).doubleValue()));
            r.register(t + "_mul_cash", (x, ctx) -> fromDouble(((Number) x[0]).doubleValue() * c(x[1])));
            r.register("cash_div_" + t, (x, ctx) -> {
                double f = ((Number) x[1]).doubleValue();
                if (f == 0.0) {
                    throw divisionByZero();
                }
                return fromDouble(c(x[0]) / f);
            });
        }
        for (String t : new String[] {"int2", "int4", "int8"}) {
            r.register("cash_mul_" + t, (x, ctx) -> exact(() -> Math.multiplyExact(c(x[0]), ((Number) x[1]).longValue())));
            r.register(t + "_mul_cash", (x, ctx) -> exact(() -> Math.multiplyExact(((Number) x[0]).longValue(), c(x[1]))));
            r.register("cash_div_" + t, (x, ctx) -> {
                long i = ((Number) x[1]).longValue();
                if (i == 0) {
                    throw divisionByZero();
                }
                if (i == -1 && c(x[0]) == Long.MIN_VALUE) {
                    throw PgException.of(SqlState.FLOATING_POINT_EXCEPTION, "floating-point exception").withDetail(
                            "An invalid floating-point operation was signaled. This probably means an out-of-range"
                                    + " result or an invalid operation, such as division by zero.");
                }
                return c(x[0]) / i;
            });
        }
        r.register("int4_cash", (x, ctx) -> bigint(() -> Math.multiplyExact(((Number) x[0]).longValue(), 100L)));
        r.register("int8_cash", (x, ctx) -> bigint(() -> Math.multiplyExact(((Number) x[0]).longValue(), 100L)));
        r.register("numeric_cash", (x, ctx) -> {
            PgNumeric n = (PgNumeric) x[0];
            if (n.isNaN()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert NaN to bigint");
            }
            if (!n.isFinite()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert infinity to bigint");
            }
            BigDecimal cents = n.value().movePointRight(2).setScale(0, RoundingMode.HALF_UP);
            if (cents.toBigInteger().bitLength() > 63) {
                throw bigintRange();
            }
            return cents.longValueExact();
        });
        r.register("cash_numeric", (x, ctx) -> PgNumeric.of(BigDecimal.valueOf(c(x[0]), 2)));
        r.register("cash_words", (x, ctx) -> MoneyWords.words(c(x[0])));
    }

    private static Object exact(java.util.function.LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (ArithmeticException e) {
            throw moneyRange();
        }
    }

    private static Object bigint(java.util.function.LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (ArithmeticException e) {
            throw bigintRange();
        }
    }

    /** rint, then the range check PostgreSQL 15 applies to money times or by a float. */
    private static long fromDouble(double v) {
        double rounded = Math.rint(v);
        if (Double.isNaN(rounded) || rounded < -0x1p63 || rounded >= 0x1p63) {
            throw moneyRange();
        }
        return (long) rounded;
    }

    private static PgException moneyRange() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "money out of range");
    }

    private static PgException bigintRange() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
    }

    private static PgException divisionByZero() {
        return PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
}
