package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * pg_snapshot and txid_snapshot: text "xmin:xmax:xip,..." (parse_snapshot's checks), binary
 * int4 count, int8 xmin, int8 xmax and the int8 xips.
 */
public final class SnapshotType extends AbstractPgType<PgSnapshot> {

    public static final SnapshotType PG_SNAPSHOT = new SnapshotType(5038, "pg_snapshot");
    /** txid_snapshot shares pg_snapshot's input function, error wording included. */
    public static final SnapshotType TXID_SNAPSHOT = new SnapshotType(2970, "pg_snapshot");

    private final String typeName;

    private SnapshotType(int oid, String typeName) {
        super(oid, PgSnapshot.class);
        this.typeName = typeName;
    }

    @Override
    public PgSnapshot parseText(String text, FormatSettings settings) {
        int[] pos = {0};
        long xmin = number(text, pos);
        if (!expect(text, pos, ':')) {
            throw bad(text);
        }
        long xmax = number(text, pos);
        if (!expect(text, pos, ':')) {
            throw bad(text);
        }
        if (xmin == 0 || xmax == 0 || Long.compareUnsigned(xmax, xmin) < 0) {
            throw bad(text);
        }
        List<Long> xip = new ArrayList<>();
        long last = 0;
        while (pos[0] < text.length()) {
            long value = number(text, pos);
            if (Long.compareUnsigned(value, last) < 0 || Long.compareUnsigned(value, xmin) < 0
                    || Long.compareUnsigned(value, xmax) >= 0) {
                throw bad(text);
            }
            if (value != last) {
                xip.add(value);
            }
            last = value;
            if (pos[0] < text.length() && text.charAt(pos[0]) == ',') {
                pos[0]++;
            } else if (pos[0] < text.length()) {
                throw bad(text);
            }
        }
        return new PgSnapshot(xmin, xmax, xip);
    }

    private PgException bad(String text) {
        return TypeErrors.invalidSyntax(typeName, text);
    }

    private static boolean expect(String s, int[] pos, char c) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == c) {
            pos[0]++;
            return true;
        }
        return false;
    }

    /** strtou64 in base 10: leading spaces and a sign, then digits; without digits it reads 0 and nothing. */
    private static long number(String s, int[] pos) {
        int i = pos[0];
        while (i < s.length() && TypeErrors.isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        pos[0] = i;
        return negative ? -v : v;
    }

    @Override
    public String formatText(PgSnapshot v, FormatSettings settings) {
        StringBuilder out = new StringBuilder();
        out.append(Long.toUnsignedString(v.xmin())).append(':').append(Long.toUnsignedString(v.xmax())).append(':');
        for (int i = 0; i < v.xip().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Long.toUnsignedString(v.xip().get(i)));
        }
        return out.toString();
    }

    @Override
    public PgSnapshot decodeBinary(byte[] bytes) {
        if (bytes.length < 20) {
            throw TypeErrors.insufficientData();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int n = in.getInt();
        long xmin = in.getLong();
        long xmax = in.getLong();
        if (n < 0 || in.remaining() != 8L * n || xmin == 0 || xmax == 0 || Long.compareUnsigned(xmax, xmin) < 0) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid external pg_snapshot data");
        }
        List<Long> xip = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xip.add(in.getLong());
        }
        return new PgSnapshot(xmin, xmax, xip);
    }

    @Override
    public byte[] encodeBinary(PgSnapshot v) {
        ByteBuffer out = ByteBuffer.allocate(20 + 8 * v.xip().size());
        out.putInt(v.xip().size()).putLong(v.xmin()).putLong(v.xmax());
        for (long x : v.xip()) {
            out.putLong(x);
        }
        return out.array();
    }
}
