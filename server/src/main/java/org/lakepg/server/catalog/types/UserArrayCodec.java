package org.lakepg.server.catalog.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;

/**
 * array_in/array_out/array_recv/array_send over a user type's codec (the wire module's array codec only knows
 * built-in element types). {@code elementOid} is the user type's own OID, also for a domain whose values use its
 * base type's codec.
 */
record UserArrayCodec(int oid, PgType<?> element, int elementOid) implements PgType<PgArray> {

    @Override
    public int arrayOid() {
        return 0;
    }

    @Override
    public String name() {
        return "_" + element.name();
    }

    @Override
    public short typeLength() {
        return -1;
    }

    @Override
    public Class<PgArray> valueClass() {
        return PgArray.class;
    }

    @Override
    public PgArray parseText(String text, FormatSettings settings) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.at >= text.length() || text.charAt(p.at) != '{') {
            throw malformed(text).withDetail("Array value must start with \"{\" or dimension information.");
        }
        List<Integer> dims = new ArrayList<>();
        List<String> items = new ArrayList<>();
        p.level(0, dims, items);
        p.skipSpace();
        if (p.at != text.length()) {
            throw malformed(text).withDetail("Junk after closing right brace.");
        }
        Object[] values = new Object[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = items.get(i) == null ? null : element.parseText(items.get(i), settings);
        }
        if (values.length == 0) {
            return new PgArray(elementOid, new int[0], new int[0], values);
        }
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        int[] lower = new int[d.length];
        java.util.Arrays.fill(lower, 1);
        return new PgArray(elementOid, d, lower, values);
    }

    private static PgException malformed(String text) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%s\"", text);
    }

    /** Reads nested braces, noting each level's length (which must agree across a level). */
    private static final class Parser {
        final String text;
        int at;

        Parser(String text) {
            this.text = text;
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        void level(int depth, List<Integer> dims, List<String> items) {
            at++; // '{'
            int count = 0;
            skipSpace();
            if (at < text.length() && text.charAt(at) == '}') {
                at++;
                record(depth, dims, 0);
                return;
            }
            while (true) {
                skipSpace();
                if (at >= text.length()) {
                    throw malformed(text).withDetail("Unexpected end of input.");
                }
                if (text.charAt(at) == '{') {
                    level(depth + 1, dims, items);
                } else {
                    items.add(item());
                }
                count++;
                skipSpace();
                if (at >= text.length()) {
                    throw malformed(text).withDetail("Unexpected end of input.");
                }
                char c = text.charAt(at++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed(text).withDetail("Unexpected \"%s\" character.".formatted(c));
                }
            }
            record(depth, dims, count);
        }

        private void record(int depth, List<Integer> dims, int count) {
            if (dims.size() <= depth) {
                dims.add(count);
            } else if (dims.get(depth) != count) {
                throw malformed(text).withDetail("Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
        }

        private String item() {
            StringBuilder out = new StringBuilder();
            boolean quoted = false;
            int lastKept = 0;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '"') {
                    quoted = true;
                    at++;
                    while (at < text.length() && text.charAt(at) != '"') {
                        if (text.charAt(at) == '\\') {
                            at++;
                        }
                        if (at < text.length()) {
                            out.append(text.charAt(at++));
                        }
                    }
                    at++;
                    lastKept = out.length();
                    continue;
                }
                if (c == ',' || c == '}') {
                    break;
                }
                if (c == '\\' && at + 1 < text.length()) {
                    at++;
                    c = text.charAt(at);
                    out.append(c);
                    lastKept = out.length();
                } else {
                    out.append(c);
                    if (!Character.isWhitespace(c)) {
                        lastKept = out.length();
                    }
                }
                at++;
            }
            String s = out.substring(0, lastKept);
            return !quoted && s.equalsIgnoreCase("NULL") ? null : s;
        }
    }

    @Override
    public String formatText(PgArray value, FormatSettings settings) {
        int[] dims = value.dims();
        if (dims.length == 0) {
            return "{}";
        }
        StringBuilder out = new StringBuilder();
        int[] lower = value.lowerBounds();
        if (java.util.Arrays.stream(lower).anyMatch(lb -> lb != 1)) {
            for (int d = 0; d < dims.length; d++) {
                out.append('[').append(lower[d]).append(':').append(lower[d] + dims[d] - 1).append(']');
            }
            out.append('=');
        }
        int[] index = {0};
        appendLevel(out, dims, 0, value.elements(), index, settings);
        return out.toString();
    }

    private void appendLevel(StringBuilder out, int[] dims, int depth, Object[] elements, int[] index,
                             FormatSettings settings) {
        out.append('{');
        for (int i = 0; i < dims[depth]; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (depth + 1 < dims.length) {
                appendLevel(out, dims, depth + 1, elements, index, settings);
            } else {
                Object e = elements[index[0]++];
                if (e == null) {
                    out.append("NULL");
                } else {
                    appendQuoted(out, element.formatTextUnchecked(e, settings));
                }
            }
        }
        out.append('}');
    }

    static void appendQuoted(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    @Override
    public PgArray decodeBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int ndim = in.getInt();
        in.getInt(); // has-nulls flag
        in.getInt(); // element type
        int[] dims = new int[ndim];
        int[] lower = new int[ndim];
        int count = ndim == 0 ? 0 : 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = in.getInt();
            lower[d] = in.getInt();
            count *= dims[d];
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int length = in.getInt();
            if (length >= 0) {
                byte[] cell = new byte[length];
                in.get(cell);
                values[i] = element.decodeBinary(cell);
            }
        }
        return new PgArray(elementOid, dims, lower, values);
    }

    @Override
    public byte[] encodeBinary(PgArray value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12 + 8 * value.dims().length);
        header.putInt(value.dims().length).putInt(value.hasNulls() ? 1 : 0).putInt(elementOid);
        for (int d = 0; d < value.dims().length; d++) {
            header.putInt(value.dims()[d]).putInt(value.lowerBounds()[d]);
        }
        out.writeBytes(header.array());
        for (Object e : value.elements()) {
            if (e == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] cell = element.encodeBinaryUnchecked(e);
                out.writeBytes(ByteBuffer.allocate(4).putInt(cell.length).array());
                out.writeBytes(cell);
            }
        }
        return out.toByteArray();
    }
}
