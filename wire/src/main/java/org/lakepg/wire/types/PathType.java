package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** path: "[(x,y),...]" when open, "((x,y),...)" when closed; binary closed byte, int4 count, points. */
public final class PathType extends AbstractPgType<PgPath> {

    public static final PathType INSTANCE = new PathType();

    private PathType() {
        super(602, PgPath.class);
    }

    @Override
    public PgPath parseText(String text, FormatSettings settings) {
        int npts = GeometricText.pairCount(text);
        GeometricText in = new GeometricText(text, "path");
        if (npts <= 0) {
            throw in.syntaxError();
        }
        in.skipSpaces();
        int depth = 0;
        // a single leading parenthesis wraps the whole list
        if (in.peek() == '(' && text.lastIndexOf('(') == in.pos) {
            in.pos++;
            depth++;
        }
        List<PgPoint> points = new ArrayList<>(npts);
        boolean isOpen = in.points(true, npts, points);
        if (depth >= 1) {
            in.expect(')');
            in.skipSpaces();
        }
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        return new PgPath(!isOpen, points);
    }

    @Override
    public String formatText(PgPath v, FormatSettings settings) {
        return v.closed() ? GeometricText.encode("(", v.points(), ")", settings)
                : GeometricText.encode("[", v.points(), "]", settings);
    }

    @Override
    public PgPath decodeBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 5) {
            throw TypeErrors.insufficientData();
        }
        boolean closed = in.get() != 0;
        int npts = in.getInt();
        if (npts <= 0 || npts >= (Integer.MAX_VALUE - 16) / 16) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid number of points in external \"path\" value");
        }
        return new PgPath(closed, GeometricBinary.points(in, npts));
    }

    @Override
    public byte[] encodeBinary(PgPath v) {
        ByteBuffer out = ByteBuffer.allocate(5 + 16 * v.points().size());
        out.put((byte) (v.closed() ? 1 : 0)).putInt(v.points().size());
        GeometricBinary.putPoints(out, v.points());
        return out.array();
    }
}
