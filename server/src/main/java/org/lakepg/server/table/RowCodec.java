package org.lakepg.server.table;

import java.nio.ByteBuffer;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.types.PgType;

/**
 * The row format of lakepg's heap tuples: a column count, a NULL bitmap, then each non-NULL value
 * in its type's binary (send/recv) form with a length prefix. Self-describing enough to decode
 * with the table's column types, and the same bytes PostgreSQL's binary protocol uses.
 */
public final class RowCodec {
    private final PgType<?>[] codecs;

    public RowCodec(long[] types) {
        codecs = new PgType<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            codecs[i] = WireTypeIO.codec(types[i]);
        }
    }

    public byte[] encode(Object[] row) {
        int n = codecs.length;
        byte[][] cells = new byte[n][];
        int size = 2 + (n + 7) / 8;
        for (int i = 0; i < n; i++) {
            if (row[i] != null) {
                cells[i] = codecs[i].encodeBinaryUnchecked(row[i]);
                size += 4 + cells[i].length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putShort((short) n);
        byte[] nulls = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (cells[i] == null) {
                nulls[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        out.put(nulls);
        for (byte[] cell : cells) {
            if (cell != null) {
                out.putInt(cell.length);
                out.put(cell);
            }
        }
        return out.array();
    }

    /** Decodes a row; columns added after the row was written read as NULL. */
    public Object[] decode(byte[] payload) {
        return decode(payload, null);
    }

    /**
     * Decodes only the columns {@code wanted} marks (all if it is null); the others read as NULL. Index builds
     * need the key columns of every row, and decoding the rest (long texts especially) was most of their cost.
     */
    public Object[] decode(byte[] payload, boolean[] wanted) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        int stored = in.getShort();
        byte[] nulls = new byte[(stored + 7) / 8];
        in.get(nulls);
        Object[] row = new Object[codecs.length];
        for (int i = 0; i < stored && i < codecs.length; i++) {
            if ((nulls[i / 8] & (1 << (i % 8))) != 0) {
                continue;
            }
            int length = in.getInt();
            if (wanted != null && !wanted[i]) {
                in.position(in.position() + length);
                continue;
            }
            byte[] cell = new byte[length];
            in.get(cell);
            row[i] = codecs[i].decodeBinary(cell);
        }
        return row;
    }
}
