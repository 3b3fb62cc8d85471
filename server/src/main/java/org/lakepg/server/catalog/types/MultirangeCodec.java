package org.lakepg.server.catalog.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.scalar.Multiranges;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/** multirange_in/out/recv/send: "{[1,3),[5,7)}" in text; a count and length-prefixed ranges in binary. */
record MultirangeCodec(long type, long rangeType, String name, int arrayOid) implements PgType<MultirangeValue> {

    @Override
    public int oid() {
        return (int) type;
    }

    @Override
    public short typeLength() {
        return -1;
    }

    @Override
    public Class<MultirangeValue> valueClass() {
        return MultirangeValue.class;
    }

    @SuppressWarnings("unchecked")
    private PgType<RangeValue> range() {
        return (PgType<RangeValue>) WireTypeIO.codec(rangeType);
    }

    @Override
    public MultirangeValue parseText(String text, FormatSettings settings) {
        int at = skip(text, 0);
        if (at >= text.length() || text.charAt(at) != '{') {
            throw malformed(text, "Missing left brace.");
        }
        at = skip(text, at + 1);
        List<RangeValue> ranges = new ArrayList<>();
        if (at < text.length() && text.charAt(at) == '}') {
            at++;
        } else {
            while (true) {
                int start = at;
                if (text.regionMatches(true, at, "empty", 0, 5)) {
                    at += 5;
                } else if (at < text.length() && (text.charAt(at) == '[' || text.charAt(at) == '(')) {
                    boolean quoted = false;
                    at++;
                    while (at < text.length()) {
                        char c = text.charAt(at);
                        if (c == '\\' && at + 1 < text.length()) {
                            at += 2;
                            continue;
                        }
                        if (c == '"') {
                            quoted = !quoted;
                        } else if (!quoted && (c == ']' || c == ')')) {
                            at++;
                            break;
                        }
                        at++;
                    }
                } else {
                    throw malformed(text, "Expected range start.");
                }
                ranges.add(range().parseText(text.substring(start, at), settings));
                at = skip(text, at);
                if (at >= text.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                char c = text.charAt(at++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed(text, "Expected comma or end of multirange.");
                }
                at = skip(text, at);
            }
        }
        if (skip(text, at) != text.length()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        return Multiranges.of(type, ranges);
    }

    private static int skip(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static PgException malformed(String text, String detail) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed multirange literal: \"%s\"", text)
                .withDetail(detail);
    }

    @Override
    public String formatText(MultirangeValue value, FormatSettings settings) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < value.ranges().size(); i++) {
            out.append(i > 0 ? "," : "").append(range().formatText(value.ranges().get(i), settings));
        }
        return out.append('}').toString();
    }

    @Override
    public MultirangeValue decodeBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int n = in.getInt();
        List<RangeValue> ranges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            ranges.add(range().decodeBinary(b));
        }
        return Multiranges.of(type, ranges);
    }

    @Override
    public byte[] encodeBinary(MultirangeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.ranges().size()).array());
        for (RangeValue r : value.ranges()) {
            byte[] b = range().encodeBinary(r);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
