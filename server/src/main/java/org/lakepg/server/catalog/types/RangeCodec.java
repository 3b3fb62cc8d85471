package org.lakepg.server.catalog.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/** range_in/range_out/range_recv/range_send of one range type: "[1,5)", "empty"; a flags byte and bounds in binary. */
record RangeCodec(long type, long subtype, String name, int arrayOid) implements PgType<RangeValue> {
    private static final int EMPTY = 0x01;
    private static final int LB_INC = 0x02;
    private static final int UB_INC = 0x04;
    private static final int LB_INF = 0x08;
    private static final int UB_INF = 0x10;

    @Override
    public int oid() {
        return (int) type;
    }

    @Override
    public short typeLength() {
        return -1;
    }

    @Override
    public Class<RangeValue> valueClass() {
        return RangeValue.class;
    }

    private PgType<?> element() {
        return WireTypeIO.codec(subtype);
    }

    @Override
    public RangeValue parseText(String text, FormatSettings settings) {
        int at = skip(text, 0);
        if (text.regionMatches(true, at, "empty", 0, 5) && skip(text, at + 5) == text.length()) {
            return RangeValue.empty(type);
        }
        if (at >= text.length() || text.charAt(at) != '[' && text.charAt(at) != '(') {
            throw malformed(text, "Missing left parenthesis or bracket.");
        }
        boolean lowerInclusive = text.charAt(at++) == '[';
        StringBuilder lower = new StringBuilder();
        boolean[] quoted = new boolean[1];
        at = bound(text, at, lower, quoted);
        boolean lowerInfinite = lower.isEmpty() && !quoted[0];
        if (at >= text.length() || text.charAt(at) != ',') {
            throw malformed(text, "Missing comma after lower bound.");
        }
        at++;
        StringBuilder upper = new StringBuilder();
        at = bound(text, at, upper, quoted);
        boolean upperInfinite = upper.isEmpty() && !quoted[0];
        if (at < text.length() && text.charAt(at) == ',') {
            throw malformed(text, "Too many commas.");
        }
        if (at >= text.length()) {
            throw malformed(text, "Unexpected end of input.");
        }
        boolean upperInclusive = text.charAt(at++) == ']';
        if (skip(text, at) != text.length()) {
            throw malformed(text, "Junk after right parenthesis or bracket.");
        }
        Object lo = lowerInfinite ? null : element().parseText(lower.toString(), settings);
        Object hi = upperInfinite ? null : element().parseText(upper.toString(), settings);
        return RangeTypes.make(type, lo, hi, lowerInclusive, upperInclusive);
    }

    /** Reads one bound; {@code quoted[0]} says whether it had quotes (so "" is an empty string, not infinity). */
    private static int bound(String text, int at, StringBuilder out, boolean[] quoted) {
        quoted[0] = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ',' || c == ')' || c == ']') {
                break;
            }
            if (c == '\\') {
                at++;
                if (at >= text.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                out.append(text.charAt(at++));
            } else if (c == '"') {
                quoted[0] = true;
                at++;
                while (true) {
                    if (at >= text.length()) {
                        throw malformed(text, "Unexpected end of input.");
                    }
                    char q = text.charAt(at++);
                    if (q == '\\') {
                        if (at >= text.length()) {
                            throw malformed(text, "Unexpected end of input.");
                        }
                        out.append(text.charAt(at++));
                    } else if (q == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            out.append('"');
                            at++;
                        } else {
                            break;
                        }
                    } else {
                        out.append(q);
                    }
                }
            } else {
                out.append(c);
                at++;
            }
        }
        return at;
    }

    private static int skip(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static PgException malformed(String text, String detail) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed range literal: \"%s\"", text)
                .withDetail(detail);
    }

    @Override
    public String formatText(RangeValue value, FormatSettings settings) {
        if (value.empty()) {
            return "empty";
        }
        StringBuilder out = new StringBuilder().append(value.lowerInclusive() ? '[' : '(');
        if (!value.lowerInfinite()) {
            quote(out, element().formatTextUnchecked(value.lower(), settings));
        }
        out.append(',');
        if (!value.upperInfinite()) {
            quote(out, element().formatTextUnchecked(value.upper(), settings));
        }
        return out.append(value.upperInclusive() ? ']' : ')').toString();
    }

    private static void quote(StringBuilder out, String text) {
        boolean quote = text.isEmpty();
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
                    || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }

    @Override
    public RangeValue decodeBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int flags = in.get();
        if ((flags & EMPTY) != 0) {
            return RangeValue.empty(type);
        }
        Object lower = null;
        Object upper = null;
        if ((flags & LB_INF) == 0) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            lower = element().decodeBinary(b);
        }
        if ((flags & UB_INF) == 0) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            upper = element().decodeBinary(b);
        }
        return RangeTypes.make(type, lower, upper, (flags & LB_INC) != 0, (flags & UB_INC) != 0);
    }

    @Override
    public byte[] encodeBinary(RangeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int flags = value.empty() ? EMPTY : (value.lowerInclusive() ? LB_INC : 0) | (value.upperInclusive() ? UB_INC : 0)
                | (value.lowerInfinite() ? LB_INF : 0) | (value.upperInfinite() ? UB_INF : 0);
        out.write(flags);
        if (!value.empty()) {
            for (Object bound : new Object[] {value.lowerInfinite() ? null : value.lower(),
                    value.upperInfinite() ? null : value.upper()}) {
                if (bound != null) {
                    byte[] b = element().encodeBinaryUnchecked(bound);
                    out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
                    out.writeBytes(b);
                }
            }
        }
        return out.toByteArray();
    }
}
