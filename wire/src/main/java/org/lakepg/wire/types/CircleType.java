package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** circle: "<(x,y),r>"; input also "((x,y),r)", "(x,y),r" and "x,y,r"; binary three float8. */
public final class CircleType extends AbstractPgType<PgCircle> {

    public static final CircleType INSTANCE = new CircleType();

    private CircleType() {
        super(718, PgCircle.class);
    }

    @Override
    public PgCircle parseText(String text, FormatSettings settings) {
        GeometricText in = new GeometricText(text, "circle");
        int depth = 0;
        in.skipSpaces();
        if (in.peek() == '<') {
            depth++;
            in.pos++;
        } else if (in.peek() == '(') {
            int cp = in.pos + 1;
            while (cp < text.length() && TypeErrors.isSpace(text.charAt(cp))) {
                cp++;
            }
            if (cp < text.length() && text.charAt(cp) == '(') {
                depth++;
                in.pos = cp;
            }
        }
        PgPoint center = in.pair();
        if (in.peek() == ',') {
            in.pos++;
        }
        double radius = in.number();
        if (radius < 0.0) {
            throw in.syntaxError();
        }
        while (depth > 0) {
            if (in.peek() == ')' || (in.peek() == '>' && depth == 1)) {
                depth--;
                in.pos++;
                in.skipSpaces();
            } else {
                throw in.syntaxError();
            }
        }
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        return new PgCircle(center, radius);
    }

    @Override
    public String formatText(PgCircle v, FormatSettings settings) {
        StringBuilder out = new StringBuilder("<");
        GeometricText.appendPoint(out, v.center(), settings);
        return out.append(',').append(GeometricText.number(v.radius(), settings)).append('>').toString();
    }

    @Override
    public PgCircle decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 24);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        PgCircle c = new PgCircle(new PgPoint(in.getDouble(), in.getDouble()), in.getDouble());
        if (c.radius() < 0.0) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid radius in external \"circle\" value");
        }
        return c;
    }

    @Override
    public byte[] encodeBinary(PgCircle v) {
        return ByteBuffer.allocate(24).putDouble(v.center().x()).putDouble(v.center().y()).putDouble(v.radius())
                .array();
    }
}
