package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * int2vector and oidvector (pg_index.indkey, pg_proc.proargtypes): space-separated numbers in
 * text; in binary and in Java a one-dimensional {@link PgArray} with lower bound 0, no NULLs.
 */
public final class VectorType extends AbstractPgType<PgArray> {

    public static final VectorType INT2VECTOR = new VectorType(22, Int2Type.INSTANCE);
    public static final VectorType OIDVECTOR = new VectorType(30, OidType.INSTANCE);

    private final PgType<?> elementType;

    private VectorType(int oid, PgType<?> elementType) {
        super(oid, PgArray.class);
        this.elementType = elementType;
    }

    @Override
    public PgArray parseText(String text, FormatSettings settings) {
        List<Object> elements = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < text.length() && TypeErrors.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int end = i;
            while (end < text.length() && !TypeErrors.isSpace(text.charAt(end))) {
                end++;
            }
            elements.add(elementType.parseText(text.substring(i, end), settings));
            i = end;
        }
        return of(elements.toArray());
    }

    private PgArray of(Object[] elements) {
        return new PgArray(elementType.oid(), new int[] {elements.length}, new int[] {0}, elements);
    }

    @Override
    public String formatText(PgArray value, FormatSettings settings) {
        StringBuilder out = new StringBuilder();
        for (Object element : value.elements()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(elementType.formatTextUnchecked(element, settings));
        }
        return out.toString();
    }

    @Override
    public PgArray decodeBinary(byte[] bytes) {
        PgArray array = PgTypes.arrayOf(elementType).decodeBinary(bytes);
        if (array.dimensionCount() == 0) {
            return of(new Object[0]);
        }
        if (array.dimensionCount() != 1 || array.lowerBounds()[0] != 0 || array.hasNulls()) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid %s data", name());
        }
        return array;
    }

    @Override
    public byte[] encodeBinary(PgArray value) {
        // array_send layout, always one dimension, even when empty
        Object[] elements = value.elements();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(20).putInt(1).putInt(0).putInt(elementType.oid())
                .putInt(elements.length).putInt(0);
        out.writeBytes(header.array());
        for (Object element : elements) {
            byte[] bytes = elementType.encodeBinaryUnchecked(element);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
