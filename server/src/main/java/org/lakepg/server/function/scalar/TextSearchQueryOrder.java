package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;

/**
 * tsquery's btree order (CompareTSQ): item count, stored size, then the trees, operators before
 * operands, operands by PostgreSQL's legacy CRC-32 of their text and then the text.
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
