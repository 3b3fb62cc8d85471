package org.lakepg.wire.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** tsvector: text as {@link TsText}; binary int4 count, then per lexeme its text, a zero byte, int2 count, int2 positions. */
public final class TsVectorType extends AbstractPgType<PgTsVector> {

    public static final TsVectorType INSTANCE = new TsVectorType();

    private TsVectorType() {
        super(3614, PgTsVector.class);
    }

    @Override
    public PgTsVector parseText(String text, FormatSettings settings) {
        return TsText.parseVector(text);
    }

    @Override
    public String formatText(PgTsVector value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public PgTsVector decodeBinary(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.remaining() < 4) {
                throw TypeErrors.insufficientData();
            }
            int n = in.getInt();
            List<PgTsVector.Lexeme> lexemes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int start = in.position();
                while (in.hasRemaining() && in.get() != 0) {
                    // find the terminator
                }
                String word = new String(bytes, start, in.position() - start - 1, StandardCharsets.UTF_8);
                if (in.remaining() < 2) {
                    throw TypeErrors.insufficientData();
                }
                int npos = in.getShort() & 0xFFFF;
                List<Integer> positions = new ArrayList<>();
                for (int j = 0; j < npos; j++) {
                    positions.add(in.getShort() & 0xFFFF);
                }
                lexemes.add(new PgTsVector.Lexeme(word, positions));
            }
            lexemes.sort((a, b) -> PgTsVector.compareWords(a.word(), b.word()));
            return new PgTsVector(lexemes);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw TypeErrors.insufficientData();
        }
    }

    @Override
    public byte[] encodeBinary(PgTsVector value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.lexemes().size()).array());
        for (PgTsVector.Lexeme l : value.lexemes()) {
            out.writeBytes(l.word().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(ByteBuffer.allocate(2).putShort((short) l.positions().size()).array());
            for (int p : l.positions()) {
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) p).array());
            }
        }
        return out.toByteArray();
    }
}
