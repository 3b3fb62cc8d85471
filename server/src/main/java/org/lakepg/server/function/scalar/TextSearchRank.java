package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;

/**
 * ts_rank (tsrank.c calc_rank): the float4 arithmetic of PostgreSQL, step by step, so results
 * agree to the last bit; weights {0.1, 0.2, 0.4, 1.0} for D, C, B, A unless given.
 */
public final class TextSearchRank {
    private TextSearchRank() {}

    static final float[] DEFAULT_WEIGHTS = {0.1f, 0.2f, 0.4f, 1.0f};
    private static final int MAX_ENTRY_POS = 16384;

    public static void register(FunctionRegistry r) {
        r.register("ts_rank_tt", (x, c) -> rank(DEFAULT_WEIGHTS, (PgTsVector) x[0], (PgTsQuery) x[1], 0));
        r.register("ts_rank_ttf", (x, c) -> rank(DEFAULT_WEIGHTS, (PgTsVector) x[0], (PgTsQuery) x[1], (Integer) x[2]));
        r.register("ts_rank_wtt", (x, c) -> rank(weights((PgArray) x[0]), (PgTsVector) x[1], (PgTsQuery) x[2], 0));
        r.register("ts_rank_wttf", (x, c) -> rank(weights((PgArray) x[0]), (PgTsVector) x[1], (PgTsQuery) x[2],
                (Integer) x[3]));
    }

    /** The D, C, B, A weights of a ts_rank/ts_rank_cd call (negative ones mean the default), checked as PostgreSQL does. */
    static float[] weights(PgArray array) {
        if (array.dims().length != 1) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array of weight must be one-dimensional");
        }
        Object[] values = array.elements();
        if (values.length < 4) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array of weight is too short");
        }
        float[] out = new float[4];
        for (Object v : values) {
            if (v == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array of weight must not contain nulls");
            }
        }
        for (int i = 0; i < 4; i++) {
            float w = ((Number) values[i]).floatValue();
            out[i] = w >= 0 ? w : DEFAULT_WEIGHTS[i];
            if (out[i] > 1.0f) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "weight out of range");
            }
        }
        return out;
    }

    /** The query's operands, sorted by word and without repeated words (SortAndUniqItems). */
    private static List<PgTsQuery.Operand> operands(PgTsQuery.Node n) {
        TreeMap<String, PgTsQuery.Operand> unique = new TreeMap<>(PgTsVector::compareWords);
        collect(n, unique);
        return new ArrayList<>(unique.values());
    }

    private static void collect(PgTsQuery.Node n, TreeMap<String, PgTsQuery.Operand> out) {
        switch (n) {
            case PgTsQuery.Operand o -> out.putIfAbsent(o.word(), o);
            case PgTsQuery.Not x -> collect(x.arg(), out);
            case PgTsQuery.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
        }
    }

    /** find_wordentry: the lexeme, or for a prefix operand every lexeme it starts. */
    private static List<PgTsVector.Lexeme> entries(PgTsVector v, PgTsQuery.Operand o) {
        List<PgTsVector.Lexeme> out = new ArrayList<>();
        for (PgTsVector.Lexeme l : v.lexemes()) {
            if (o.prefix() ? l.word().startsWith(o.word()) : l.word().equals(o.word())) {
                out.add(l);
            }
        }
        return out;
    }

    private static float wordDistance(int w) {
        if (w > 100) {
            return 1e-30f;
        }
        return (float) (1.0 / (1.005 + 0.05 * Math.exp(((float) w) / 1.5 - 2)));
    }

    private static float rankAnd(float[] w, PgTsVector t, List<PgTsQuery.Operand> items) {
        int[][] pos = new int[items.size()][];
        int[] posNull = {PgTsVector.pack(MAX_ENTRY_POS - 1, 0)};
        float res = -1.0f;
        for (int i = 0; i < items.size(); i++) {
            for (PgTsVector.Lexeme entry : entries(t, items.get(i))) {
                pos[i] = entry.positions().isEmpty() ? posNull
                        : entry.positions().stream().mapToInt(Integer::intValue).toArray();
                int[] post = pos[i];
                for (int k = 0; k < i; k++) {
                    if (pos[k] == null) {
                        continue;
                    }
                    int[] ct = pos[k];
                    for (int l = 0; l < post.length; l++) {
                        for (int p = 0; p < ct.length; p++) {
                            int dist = Math.abs(PgTsVector.position(post[l]) - PgTsVector.position(ct[p]));
                            if (dist != 0 || pos[i] == posNull || pos[k] == posNull) {
                                if (dist == 0) {
                                    dist = MAX_ENTRY_POS;
                                }
                                float curw = (float) Math.sqrt(w[PgTsVector.weight(post[l])] * w[PgTsVector.weight(ct[p])]
                                        * wordDistance(dist));
                                res = res < 0 ? curw : (float) (1.0 - (1.0 - res) * (1.0 - curw));
                            }
                        }
                    }
                }
            }
        }
        return res;
    }

    private static float rankOr(float[] w, PgTsVector t, List<PgTsQuery.Operand> items) {
        float res = 0.0f;
        for (PgTsQuery.Operand item : items) {
            for (PgTsVector.Lexeme entry : entries(t, item)) {
                List<Integer> post = entry.positions().isEmpty() ? List.of(0) : entry.positions();
                float resj = 0.0f;
                float wjm = -1.0f;
                int jm = 0;
                for (int j = 0; j < post.size(); j++) {
                    float wp = w[PgTsVector.weight(post.get(j))];
                    resj = resj + wp / ((j + 1) * (j + 1));
                    if (wp > wjm) {
                        wjm = wp;
                        jm = j;
                    }
                }
                res = (float) (res + (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685);
            }
        }
        if (!items.isEmpty()) {
            res = res / items.size();
        }
        return res;
    }

    private static int length(PgTsVector t) {
        int len = 0;
        for (PgTsVector.Lexeme l : t.lexemes()) {
            len += l.positions().isEmpty() ? 1 : l.positions().size();
        }
        return len;
    }

    static float rank(float[] w, PgTsVector t, PgTsQuery q, int method) {
        if (t.lexemes().isEmpty() || q.root() == null) {
            return 0.0f;
        }
        List<PgTsQuery.Operand> items = operands(q.root());
        boolean and = q.root() instanceof PgTsQuery.Binary b
                && (b.op() == PgTsQuery.Op.AND || b.op() == PgTsQuery.Op.PHRASE);
        float res = and && items.size() >= 2 ? rankAnd(w, t, items) : rankOr(w, t, items);
        if (res < 0) {
            res = 1e-20f;
        }
        int size = t.lexemes().size();
        if ((method & 0x01) != 0) {
            res = (float) (res / (Math.log(length(t) + 1) / Math.log(2.0)));
        }
        if ((method & 0x02) != 0) {
            int len = length(t);
            if (len > 0) {
                res /= (float) len;
            }
        }
        if ((method & 0x08) != 0) {
            res /= (float) size;
        }
        if ((method & 0x10) != 0) {
            res = (float) (res / (Math.log(size + 1) / Math.log(2.0)));
        }
        if ((method & 0x20) != 0) {
            res /= (res + 1);
        }
        return res;
    }
}
