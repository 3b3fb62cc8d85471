package org.lakepg.wire.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Arrays of any element type, any number of dimensions: array_in/array_out/array_recv/array_send. */
public final class ArrayType extends AbstractPgType<PgArray> {

    private final PgType<?> elementType;
    private final char delimiter;

    ArrayType(int arrayOid, PgType<?> elementType) {
        super(arrayOid, PgArray.class);
        this.elementType = elementType;
        this.delimiter = PgTypeInfo.byOid(elementType.oid()).delimiter();
    }

    public PgType<?> elementType() {
        return elementType;
    }

    @Override
    public PgArray parseText(String text, FormatSettings settings) {
        ArrayTextParser.Parsed parsed = ArrayTextParser.parse(text, delimiter);
        List<String> texts = parsed.elements();
        Object[] values = new Object[texts.size()];
        for (int i = 0; i < values.length; i++) {
            String element = texts.get(i);
            values[i] = element == null ? null : elementType.parseText(element, settings);
        }
        return new PgArray(elementType.oid(), parsed.dims(), parsed.lowerBounds(), values);
    }

    @Override
    public String formatText(PgArray value, FormatSettings settings) {
        int[] dims = value.dims();
        if (dims.length == 0) {
            return "{}";
        }
        StringBuilder out = new StringBuilder();
        int[] lower = value.lowerBounds();
        if (Arrays.stream(lower).anyMatch(lb -> lb != 1)) {
            for (int d = 0; d < dims.length; d++) {
                out.append('[').append(lower[d]).append(':').append(lower[d] + dims[d] - 1).append(']');
            }
            out.append('=');
        }
        Object[] elements = value.elements();
        int[] index = {0};
        appendLevel(out, dims, 0, elements, index, settings);
        return out.toString();
    }

    private void appendLevel(StringBuilder out, int[] dims, int depth, Object[] elements, int[] index,
                             FormatSettings settings) {
        out.append('{');
        for (int i = 0; i < dims[depth]; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            if (depth + 1 < dims.length) {
                appendLevel(out, dims, depth + 1, elements, index, settings);
            } else {
                Object element = elements[index[0]++];
                if (element == null) {
                    out.append("NULL");
                } else {
                    appendElement(out, elementType.formatTextUnchecked(element, settings));
                }
            }
        }
        out.append('}');
    }

    private void appendElement(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == delimiter || TypeErrors.isSpace(c);
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
        try {
            int ndim = in.getInt();
            int flags = in.getInt();
            int elementOid = in.getInt();
            if (ndim < 0) {
                throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid number of dimensions: %d", ndim);
            }
            if (ndim > PgArray.MAX_DIMENSIONS) {
                throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "number of array dimensions (%d) exceeds the maximum allowed (%d)", ndim,
                        PgArray.MAX_DIMENSIONS);
            }
            if (flags != 0 && flags != 1) {
                throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid array flags");
            }
            if (elementOid != elementType.oid()) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH,
                        "binary data has array element type %d (%s) instead of expected %d (%s)",
                        elementOid & 0xFFFFFFFFL, nameOf(elementOid), elementType.oid(), elementType.name());
            }
            int[] dims = new int[ndim];
            int[] lower = new int[ndim];
            long count = ndim == 0 ? 0 : 1;
            for (int d = 0; d < ndim; d++) {
                dims[d] = in.getInt();
                lower[d] = in.getInt();
                count *= Math.max(dims[d], 0);
                if (dims[d] < 0 || count > Integer.MAX_VALUE / 8) {
                    throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed (%d)",
                            134217727);
                }
            }
            if (count == 0) {
                return new PgArray(elementOid, new int[0], new int[0], new Object[0]);
            }
            if (count > in.remaining() / 4) {
                // every element needs at least its length word: refuse before allocating for a lying header
                throw TypeErrors.insufficientData();
            }
            Object[] values = new Object[(int) count];
            for (int i = 0; i < values.length; i++) {
                int length = in.getInt();
                if (length == -1) {
                    continue;
                }
                if (length < -1 || length > in.remaining()) {
                    throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                            "insufficient data left in message");
                }
                byte[] element = new byte[length];
                in.get(element);
                values[i] = decodeElement(element, i + 1);
            }
            return new PgArray(elementOid, dims, lower, values);
        } catch (java.nio.BufferUnderflowException e) {
            throw TypeErrors.insufficientData();
        }
    }

    private Object decodeElement(byte[] element, int position) {
        try {
            return elementType.decodeBinary(element);
        } catch (PgException e) {
            if (e.sqlState() == SqlState.INVALID_BINARY_REPRESENTATION
                    && e.getMessage().equals(TypeErrors.excessData().getMessage())) {
                throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                        "improper binary format in array element %d", position);
            }
            throw e;
        }
    }

    private static String nameOf(int oid) {
        PgTypeInfo info = PgTypeInfo.byOid(oid);
        return info == null ? "???" : info.name();
    }

    @Override
    public byte[] encodeBinary(PgArray value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] dims = value.dims();
        int[] lower = value.lowerBounds();
        writeInt(out, dims.length);
        writeInt(out, value.hasNulls() ? 1 : 0);
        writeInt(out, elementType.oid());
        for (int d = 0; d < dims.length; d++) {
            writeInt(out, dims[d]);
            writeInt(out, lower[d]);
        }
        for (Object element : value.elements()) {
            if (element == null) {
                writeInt(out, -1);
            } else {
                byte[] bytes = elementType.encodeBinaryUnchecked(element);
                writeInt(out, bytes.length);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
