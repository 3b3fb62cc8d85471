package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.List;

/** lseg: "[(x1,y1),(x2,y2)]"; binary four float8. */
public final class LsegType extends AbstractPgType<PgLseg> {

    public static final LsegType INSTANCE = new LsegType();

    private LsegType() {
        super(601, PgLseg.class);
    }

    @Override
    public PgLseg parseText(String text, FormatSettings settings) {
        List<PgPoint> p = GeometricText.fixedPoints(text, "lseg", true, 2);
        return new PgLseg(p.get(0), p.get(1));
    }

    @Override
    public String formatText(PgLseg value, FormatSettings settings) {
        return GeometricText.encode("[", List.of(value.p1(), value.p2()), "]", settings);
    }

    @Override
    public PgLseg decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 32);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new PgLseg(new PgPoint(in.getDouble(), in.getDouble()), new PgPoint(in.getDouble(), in.getDouble()));
    }

    @Override
    public byte[] encodeBinary(PgLseg v) {
        return ByteBuffer.allocate(32).putDouble(v.p1().x()).putDouble(v.p1().y()).putDouble(v.p2().x())
                .putDouble(v.p2().y()).array();
    }
}
