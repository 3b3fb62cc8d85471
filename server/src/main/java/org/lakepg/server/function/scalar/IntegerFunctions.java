package org.lakepg.server.function.scalar;

import java.util.function.LongBinaryOperator;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * int2 / int4 / int8 arithmetic, comparison, bitwise operators and casts among them, for every
 * pairing PostgreSQL's catalog has ({@code int4pl}, {@code int48mul}, {@code int82lt} ...).
 * Arithmetic is done in 64 bits (checked) and narrowed to the result type with its range error.
 */
public final class IntegerFunctions {
    private IntegerFunctions() {}

    /** int2, int4, int8: the suffix digits of prosrc names and their result-width rule. */
    private static final int[] WIDTHS = {2, 4, 8};

    public static void register(FunctionRegistry r) {
        for (int a : WIDTHS) {
            for (int b : WIDTHS) {
                String prefix = a == b ? "int" + a : "int" + a + b;
                int result = Math.max(a, b);
                arithmetic(r, prefix + "pl", result, Math::addExact);
                arithmetic(r, prefix + "mi", result, Math::subtractExact);
                arithmetic(r, prefix + "mul", result, Math::multiplyExact);
                arithmetic(r, prefix + "div", result, IntegerFunctions::divide);
                comparison(r, prefix);
            }
            String t = "int" + a;
            r.register(t + "mod", (x, c) -> narrow(modulo(asLong(x[0]), asLong(x[1])), a));
            r.register(t + "um", (x, c) -> {
                long v = asLong(x[0]);
                if (v == Long.MIN_VALUE) {
                    throw outOfRange(a); // -(-9223372036854775808)
                }
                return narrow(-v, a);
            });
            r.register(t + "up", (x, c) -> x[0]);
            r.register(t + "abs", (x, c) -> narrow(Math.abs(checkedAbs(asLong(x[0]), a)), a));
            r.register(t + "and", (x, c) -> narrow(asLong(x[0]) & asLong(x[1]), a));
            r.register(t + "or", (x, c) -> narrow(asLong(x[0]) | asLong(x[1]), a));
            r.register(t + "xor", (x, c) -> narrow(asLong(x[0]) ^ asLong(x[1]), a));
            r.register(t + "not", (x, c) -> narrow(~asLong(x[0]), a));
            r.register(t + "shl", (x, c) -> shift(asLong(x[0]), asLong(x[1]), true, a));
            r.register(t + "shr", (x, c) -> shift(asLong(x[0]), asLong(x[1]), false, a));
            r.register(t + "larger", (x, c) -> asLong(x[0]) >= asLong(x[1]) ? x[0] : x[1]);
            r.register(t + "smaller", (x, c) -> asLong(x[0]) <= asLong(x[1]) ? x[0] : x[1]);
        }
        // casts: int48 is int4 -> int8 and so on; narrowing ones check the range
        r.register("int48", (x, c) -> asLong(x[0]));
        r.register("int28", (x, c) -> asLong(x[0]));
        r.register("i2toi4", (x, c) -> (int) asLong(x[0]));
        r.register("int84", (x, c) -> narrow(asLong(x[0]), 4));
        r.register("int82", (x, c) -> narrow(asLong(x[0]), 2));
        r.register("i4toi2", (x, c) -> narrow(asLong(x[0]), 2));
        r.register("btint2cmp", (x, c) -> Long.compare(asLong(x[0]), asLong(x[1])));
        r.register("btint4cmp", (x, c) -> Long.compare(asLong(x[0]), asLong(x[1])));
        r.register("btint8cmp", (x, c) -> Long.compare(asLong(x[0]), asLong(x[1])));
        r.register("int4_bool", (x, c) -> asLong(x[0]) != 0);
        r.register("bool_int4", (x, c) -> (Boolean) x[0] ? 1 : 0);
        r.register("int4inc", (x, c) -> narrow(Math.addExact(asLong(x[0]), 1), 4));
        r.register("int8inc", (x, c) -> Math.addExact(asLong(x[0]), 1));
        r.register("int4gcd", (x, c) -> narrow(gcd(asLong(x[0]), asLong(x[1])), 4));
        r.register("int8gcd", (x, c) -> gcd(asLong(x[0]), asLong(x[1])));
    }

    private static void arithmetic(FunctionRegistry r, String name, int width, LongBinaryOperator op) {
        r.register(name, (x, c) -> {
            long value;
            try {
                value = op.applyAsLong(asLong(x[0]), asLong(x[1]));
            } catch (ArithmeticException overflow) {
                throw outOfRange(width);
            }
            return narrow(value, width);
        });
    }

    private static void comparison(FunctionRegistry r, String prefix) {
        r.register(prefix + "eq", (x, c) -> asLong(x[0]) == asLong(x[1]));
        r.register(prefix + "ne", (x, c) -> asLong(x[0]) != asLong(x[1]));
        r.register(prefix + "lt", (x, c) -> asLong(x[0]) < asLong(x[1]));
        r.register(prefix + "le", (x, c) -> asLong(x[0]) <= asLong(x[1]));
        r.register(prefix + "gt", (x, c) -> asLong(x[0]) > asLong(x[1]));
        r.register(prefix + "ge", (x, c) -> asLong(x[0]) >= asLong(x[1]));
    }

    public static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    private static long divide(long a, long b) {
        if (b == 0) {
            throw divisionByZero();
        }
        return Math.divideExact(a, b);
    }

    private static long modulo(long a, long b) {
        if (b == 0) {
            throw divisionByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    private static long checkedAbs(long v, int width) {
        if (v == Long.MIN_VALUE) {
            throw outOfRange(width);
        }
        return v;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        if (a == Long.MIN_VALUE) {
            throw outOfRange(8);
        }
        return Math.abs(a);
    }

    private static Object shift(long value, long by, boolean left, int width) {
        int bits = width * 8;
        int n = (int) (by & (bits == 64 ? 63 : 31));
        long result = left ? value << n : value >> n;
        return switch (width) {
            case 2 -> (short) result;
            case 4 -> (int) result;
            default -> result;
        };
    }

    /** Narrows to the result width, with PostgreSQL's range error. */
    public static Object narrow(long value, int width) {
        return switch (width) {
            case 2 -> {
                if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                    throw outOfRange(2);
                }
                yield (short) value;
            }
            case 4 -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw outOfRange(4);
                }
                yield (int) value;
            }
            default -> value;
        };
    }

    public static PgException outOfRange(int width) {
        String type = switch (width) {
            case 2 -> "smallint";
            case 4 -> "integer";
            default -> "bigint";
        };
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", type);
    }

    public static PgException divisionByZero() {
        return PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
}
