package org.lakepg.server.catalog.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.ArrayTextParser;
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
        // the same array_in as the built-in arrays (dimension decorations, quoting, NULL), over this element codec
        ArrayTextParser.Parsed parsed = ArrayTextParser.parse(text, ',');
        Object[] values = new Object[parsed.elements().size()];
        for (int i = 0; i < values.length; i++) {
            String item = parsed.elements().get(i);
            values[i] = item == null ? null : element.parseText(item, settings);
        }
        return new PgArray(elementOid, parsed.dims(), parsed.lowerBounds(), values);
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
