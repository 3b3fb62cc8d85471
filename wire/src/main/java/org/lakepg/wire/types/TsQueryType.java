package org.lakepg.wire.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * tsquery: text as {@link TsText}; binary int4 item count, then the items in PostgreSQL's
 * prefix order (operator, right operand, left operand): operands as type 1, weight, prefix and
 * text; operators as type 2, operator (1 !, 2 &, 3 |, 4 phrase) and, for phrase, int2 distance.
 */
public final class TsQueryType extends AbstractPgType<PgTsQuery> {

    public static final TsQueryType INSTANCE = new TsQueryType();

    private TsQueryType() {
        super(3615, PgTsQuery.class);
    }

    @Override
    public PgTsQuery parseText(String text, FormatSettings settings) {
        return TsText.parseQuery(text);
    }

    @Override
    public String formatText(PgTsQuery value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public PgTsQuery decodeBinary(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.remaining() < 4) {
                throw TypeErrors.insufficientData();
            }
            int size = in.getInt();
            return new PgTsQuery(size == 0 ? null : read(in, bytes));
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw TypeErrors.insufficientData();
        }
    }

    private static PgTsQuery.Node read(ByteBuffer in, byte[] bytes) {
        int type = in.get();
        if (type != 1 && type != 2) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid tsquery item type: %d", type);
        }
        if (type == 1) {
            int weight = in.get();
            boolean prefix = in.get() != 0;
            int start = in.position();
            while (in.get() != 0) {
                // the operand text ends at a zero byte
            }
            return new PgTsQuery.Operand(new String(bytes, start, in.position() - start - 1, StandardCharsets.UTF_8),
                    weight, prefix);
        }
        int oper = in.get();
        if (oper < 1 || oper > 4) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid tsquery operator: %d", oper);
        }
        if (oper == 1) {
            return new PgTsQuery.Not(read(in, bytes));
        }
        int distance = oper == 4 ? in.getShort() : 0;
        PgTsQuery.Node right = read(in, bytes);
        PgTsQuery.Node left = read(in, bytes);
        return new PgTsQuery.Binary(oper == 2 ? PgTsQuery.Op.AND : oper == 3 ? PgTsQuery.Op.OR : PgTsQuery.Op.PHRASE,
                distance, left, right);
    }

    @Override
    public byte[] encodeBinary(PgTsQuery value) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        int count = value.root() == null ? 0 : write(items, value.root());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(count).array());
        out.writeBytes(items.toByteArray());
        return out.toByteArray();
    }

    private static int write(ByteArrayOutputStream out, PgTsQuery.Node n) {
        switch (n) {
            case PgTsQuery.Operand o -> {
                out.write(1);
                out.write(o.weights());
                out.write(o.prefix() ? 1 : 0);
                out.writeBytes(o.word().getBytes(StandardCharsets.UTF_8));
                out.write(0);
                return 1;
            }
            case PgTsQuery.Not x -> {
                out.write(2);
                out.write(1);
                return 1 + write(out, x.arg());
            }
            case PgTsQuery.Binary b -> {
                out.write(2);
                out.write(switch (b.op()) {
                    case AND -> 2;
                    case OR -> 3;
                    case PHRASE -> 4;
                });
                if (b.op() == PgTsQuery.Op.PHRASE) {
                    out.writeBytes(ByteBuffer.allocate(2).putShort((short) b.distance()).array());
                }
                int right = write(out, b.right());
                return 1 + right + write(out, b.left());
            }
        }
    }
}
