package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * format(fmt, VARIADIC "any"): {@code %[n$][-][width|*|*n$](s|I|L)} and {@code %%}. Argument numbers
 * count from 1 after the format string; a {@code *} width takes the next (or the n-th) argument.
 */
public final class FormatFunction {
    private FormatFunction() {}

    public static void register(FunctionRegistry r) {
        r.register("text_format", new TypedCode((x, t, c) -> x[0] == null ? null : format(x, t, c)));
        r.register("text_format_nv", (x, c) -> x[0] == null ? null : format(x, TypedCode.ArgumentTypes.UNKNOWN, c));
    }

    /** Position in the format string while one specifier is parsed. */
    private static final class Cursor {
        final String text;
        int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        boolean done() {
            return at >= text.length();
        }

        char peek() {
            if (done()) {
                throw unterminated();
            }
            return text.charAt(at);
        }

        /** Digits as an int, or -1 when there are none. */
        int digits() {
            long value = -1;
            while (!done() && Character.isDigit(text.charAt(at))) {
                value = (value < 0 ? 0 : value * 10) + (text.charAt(at) - '0');
                if (value > Integer.MAX_VALUE) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "number is out of range");
                }
                at++;
            }
            return (int) value;
        }
    }

    private static String format(Object[] args, TypedCode.ArgumentTypes types, FunctionContext context) {
        String fmt = (String) args[0];
        StringBuilder out = new StringBuilder();
        int nextArg = 1;
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            Cursor cur = new Cursor(fmt, i + 1);
            if (cur.peek() == '%') {
                out.append('%');
                i = cur.at;
                continue;
            }
            int argPos = -1;
            int widthPos = -1;
            int width = -1;
            boolean leftJustify = false;
            int n = cur.digits();
            if (n >= 0 && cur.peek() == '$') {
                cur.at++;
                argPos = checkPosition(n);
                n = -1;
            }
            if (n >= 0) {
                width = n;
            } else {
                while (cur.peek() == '-') {
                    leftJustify = true;
                    cur.at++;
                }
                if (cur.peek() == '*') {
                    cur.at++;
                    int w = cur.digits();
                    if (w >= 0) {
                        if (cur.peek() != '$') {
                            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                    "width argument position must be ended by \"$\"");
                        }
                        cur.at++;
                        widthPos = checkPosition(w);
                    } else {
                        widthPos = 0;
                    }
                } else {
                    width = cur.digits();
                }
            }
            char type = cur.peek();
            if (type != 's' && type != 'I' && type != 'L') {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"%c\"", type)
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (widthPos >= 0) {
                int at = widthPos > 0 ? widthPos : nextArg;
                Object w = argument(args, at);
                nextArg = at + 1;
                width = w == null ? 0 : widthValue(w);
                if (width < 0) {
                    leftJustify = true;
                    width = width == Integer.MIN_VALUE ? Integer.MAX_VALUE : -width;
                }
            }
            int at = argPos > 0 ? argPos : nextArg;
            Object value = argument(args, at);
            nextArg = at + 1;
            appendPadded(out, convert(type, value, types.of(at), context), width, leftJustify);
            i = cur.at;
        }
        return out.toString();
    }

    private static int checkPosition(int n) {
        if (n == 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "format specifies argument 0, but arguments are numbered from 1");
        }
        return n;
    }

    private static Object argument(Object[] args, int at) {
        if (at >= args.length) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()");
        }
        return args[at];
    }

    private static int widthValue(Object w) {
        if (w instanceof Number number && !(w instanceof Double) && !(w instanceof Float)) {
            long v = number.longValue();
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
            }
            return (int) v;
        }
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "format() width must be an integer in lakepg");
    }

    private static String convert(char type, Object value, long valueType, FunctionContext context) {
        return switch (type) {
            case 's' -> value == null ? "" : AnyValueText.output(value, valueType, context);
            case 'I' -> {
                if (value == null) {
                    throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                            "null values cannot be formatted as an SQL identifier");
                }
                yield QuoteFunctions.identifier(AnyValueText.output(value, valueType, context));
            }
            default -> value == null ? "NULL" : QuoteFunctions.literal(AnyValueText.output(value, valueType, context));
        };
    }

    private static void appendPadded(StringBuilder out, String value, int width, boolean leftJustify) {
        int length = value.codePointCount(0, value.length());
        int padding = Math.max(0, width - length);
        if (!leftJustify) {
            out.repeat(' ', padding);
        }
        out.append(value);
        if (leftJustify) {
            out.repeat(' ', padding);
        }
    }

    private static PgException unterminated() {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                .withHint("For a single \"%\" use \"%%\".");
    }
}
