package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;

/**
 * The btree orders of tsquery (CompareTSQ: item count, stored size, then the trees, operators
 * before operands, operands by PostgreSQL's legacy CRC-32 of their text and then the text) and of
 * tsvector (silly_cmp_tsvector: stored size, lexeme count, then lexemes and positions).
 */
public final class TextSearchQueryOrder {
    private TextSearchQueryOrder() {}

    public static void register(FunctionRegistry r) {
        r.register("tsquery_cmp", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]));
        r.register("tsquery_lt", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) < 0);
        r.register("tsquery_le", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) <= 0);
        r.register("tsquery_eq", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) == 0);
        r.register("tsquery_ne", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) != 0);
        r.register("tsquery_ge", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) >= 0);
        r.register("tsquery_gt", (x, c) -> compare((PgTsQuery) x[0], (PgTsQuery) x[1]) > 0);
        r.register("tsvector_cmp", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]));
        r.register("tsvector_lt", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) < 0);
        r.register("tsvector_le", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) <= 0);
        r.register("tsvector_eq", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) == 0);
        r.register("tsvector_ne", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) != 0);
        r.register("tsvector_ge", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) >= 0);
        r.register("tsvector_gt", (x, c) -> compareVectors((PgTsVector) x[0], (PgTsVector) x[1]) > 0);
    }

    /** The tsvector's varlena size: header, one WordEntry per lexeme, lexemes, 2-aligned position vectors. */
    private static int storedSize(PgTsVector v) {
        int offset = 0;
        for (PgTsVector.Lexeme l : v.lexemes()) {
            offset += l.word().getBytes(StandardCharsets.UTF_8).length;
            if (!l.positions().isEmpty()) {
                offset += offset % 2;
                offset += 2 + 2 * l.positions().size();
            }
        }
        return 8 + 4 * v.lexemes().size() + offset;
    }

    static int compareVectors(PgTsVector a, PgTsVector b) {
        int sa = storedSize(a);
        int sb = storedSize(b);
        if (sa != sb) {
            return sa < sb ? -1 : 1;
        }
        if (a.lexemes().size() != b.lexemes().size()) {
            return a.lexemes().size() < b.lexemes().size() ? -1 : 1;
        }
        for (int i = 0; i < a.lexemes().size(); i++) {
            PgTsVector.Lexeme x = a.lexemes().get(i);
            PgTsVector.Lexeme y = b.lexemes().get(i);
            boolean xp = !x.positions().isEmpty();
            boolean yp = !y.positions().isEmpty();
            if (xp != yp) {
                return xp ? -1 : 1;
            }
            int res = PgTsVector.compareWords(x.word(), y.word());
            if (res != 0) {
                return res;
            }
            if (xp) {
                if (x.positions().size() != y.positions().size()) {
                    return x.positions().size() > y.positions().size() ? -1 : 1;
                }
                for (int j = 0; j < x.positions().size(); j++) {
                    int px = x.positions().get(j);
                    int py = y.positions().get(j);
                    if (PgTsVector.position(px) != PgTsVector.position(py)) {
                        return PgTsVector.position(px) > PgTsVector.position(py) ? -1 : 1;
                    }
                    if (PgTsVector.weight(px) != PgTsVector.weight(py)) {
                        return PgTsVector.weight(px) > PgTsVector.weight(py) ? -1 : 1;
                    }
                }
            }
        }
        return 0;
    }

    static int compare(PgTsQuery a, PgTsQuery b) {
        int sizeA = a.root() == null ? 0 : items(a.root());
        int sizeB = b.root() == null ? 0 : items(b.root());
        if (sizeA != sizeB) {
            return sizeA < sizeB ? -1 : 1;
        }
        // with equal item counts the stored sizes differ only by the operand texts
        int textA = a.root() == null ? 0 : textBytes(a.root());
        int textB = b.root() == null ? 0 : textBytes(b.root());
        if (textA != textB) {
            return textA < textB ? -1 : 1;
        }
        return sizeA == 0 ? 0 : node(a.root(), b.root());
    }

    private static int items(PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> 1;
            case PgTsQuery.Not x -> 1 + items(x.arg());
            case PgTsQuery.Binary b -> 1 + items(b.left()) + items(b.right());
        };
    }

    private static int textBytes(PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> o.word().getBytes(StandardCharsets.UTF_8).length + 1;
            case PgTsQuery.Not x -> textBytes(x.arg());
            case PgTsQuery.Binary b -> textBytes(b.left()) + textBytes(b.right());
        };
    }

    private static int operator(PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Not x -> 1;
            case PgTsQuery.Binary b -> switch (b.op()) {
                case AND -> 2;
                case OR -> 3;
                case PHRASE -> 4;
            };
            case PgTsQuery.Operand o -> 0;
        };
    }

    /** QTNodeCompare; an operator node's children are its right operand, then its left. */
    private static int node(PgTsQuery.Node a, PgTsQuery.Node b) {
        boolean aOperand = a instanceof PgTsQuery.Operand;
        boolean bOperand = b instanceof PgTsQuery.Operand;
        if (aOperand != bOperand) {
            // QI_VAL (1) sorts after QI_OPR (2): the larger type comes first
            return aOperand ? 1 : -1;
        }
        if (a instanceof PgTsQuery.Operand x && b instanceof PgTsQuery.Operand y) {
            int crcX = legacyCrc32(x.word());
            int crcY = legacyCrc32(y.word());
            if (crcX != crcY) {
                return crcX > crcY ? -1 : 1;
            }
            return Integer.signum(PgTsVector.compareWords(x.word(), y.word()));
        }
        int opA = operator(a);
        int opB = operator(b);
        if (opA != opB) {
            return opA > opB ? -1 : 1;
        }
        if (a instanceof PgTsQuery.Not x && b instanceof PgTsQuery.Not y) {
            return node(x.arg(), y.arg());
        }
        PgTsQuery.Binary x = (PgTsQuery.Binary) a;
        PgTsQuery.Binary y = (PgTsQuery.Binary) b;
        int res = node(x.right(), y.right());
        if (res != 0) {
            return res;
        }
        res = node(x.left(), y.left());
        if (res != 0) {
            return res;
        }
        if (x.op() == PgTsQuery.Op.PHRASE && x.distance() != y.distance()) {
            return x.distance() > y.distance() ? -1 : 1;
        }
        return 0;
    }

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    /** PostgreSQL's legacy CRC-32: the reflected table driven MSB-first, which tsquery keeps for compatibility. */
    static int legacyCrc32(String text) {
        int crc = 0xFFFFFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc = TABLE[((crc >>> 24) ^ b) & 0xFF] ^ (crc << 8);
        }
        return ~crc;
    }
}
