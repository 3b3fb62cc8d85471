package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;

/**
 * ts_rank_cd (tsrank.c calc_rank_cd): cover density ranking. The document is reduced to the
 * positions of query lexemes; each minimal cover (a stretch that satisfies the query) adds its
 * density, weighted by the lexemes' weights and diluted by the noise words inside it.
 */
public final class TextSearchRankCd {
    private TextSearchRankCd() {}

    private static final float[] DEFAULT_WEIGHTS = TextSearchRank.DEFAULT_WEIGHTS;

    public static void register(FunctionRegistry r) {
        r.register("ts_rankcd_tt", (x, c) -> rank(DEFAULT_WEIGHTS, (PgTsVector) x[0], (PgTsQuery) x[1], 0));
        r.register("ts_rankcd_ttf", (x, c) -> rank(DEFAULT_WEIGHTS, (PgTsVector) x[0], (PgTsQuery) x[1], (Integer) x[2]));
        r.register("ts_rankcd_wtt", (x, c) -> rank(TextSearchRank.weights((PgArray) x[0]), (PgTsVector) x[1],
                (PgTsQuery) x[2], 0));
        r.register("ts_rankcd_wttf", (x, c) -> rank(TextSearchRank.weights((PgArray) x[0]), (PgTsVector) x[1],
                (PgTsQuery) x[2], (Integer) x[3]));
    }

    /** One document position of query lexemes: the packed position, the lexeme and the operands it satisfies. */
    private record DocEntry(int pos, int lexeme, List<PgTsQuery.Operand> items) {
    }

    private static void operands(PgTsQuery.Node n, List<PgTsQuery.Operand> out) {
        // PostgreSQL stores the query operator first, then the right operand, then the left
        switch (n) {
            case PgTsQuery.Operand o -> out.add(o);
            case PgTsQuery.Not x -> operands(x.arg(), out);
            case PgTsQuery.Binary b -> {
                operands(b.right(), out);
                operands(b.left(), out);
            }
        }
    }

    /** get_docrep. */
    private static List<DocEntry> docRepresentation(PgTsVector t, PgTsQuery q) {
        List<PgTsQuery.Operand> items = new ArrayList<>();
        operands(q.root(), items);
        List<DocEntry> raw = new ArrayList<>();
        for (PgTsQuery.Operand item : items) {
            for (int lexeme = 0; lexeme < t.lexemes().size(); lexeme++) {
                PgTsVector.Lexeme l = t.lexemes().get(lexeme);
                boolean hit = item.prefix() ? l.word().startsWith(item.word()) : l.word().equals(item.word());
                if (!hit) {
                    continue;
                }
                for (int p : l.positions()) {
                    if (item.weights() == 0 || (item.weights() & (1 << PgTsVector.weight(p))) != 0) {
                        raw.add(new DocEntry(p, lexeme, List.of(item)));
                    }
                }
            }
        }
        raw.sort((a, b) -> {
            if (PgTsVector.position(a.pos()) != PgTsVector.position(b.pos())) {
                return Integer.compare(PgTsVector.position(a.pos()), PgTsVector.position(b.pos()));
            }
            if (PgTsVector.weight(a.pos()) != PgTsVector.weight(b.pos())) {
                return Integer.compare(PgTsVector.weight(a.pos()), PgTsVector.weight(b.pos()));
            }
            return Integer.compare(a.lexeme(), b.lexeme());
        });
        List<DocEntry> doc = new ArrayList<>();
        for (DocEntry e : raw) {
            DocEntry last = doc.isEmpty() ? null : doc.get(doc.size() - 1);
            if (last != null && last.pos() == e.pos() && last.lexeme() == e.lexeme()) {
                List<PgTsQuery.Operand> merged = new ArrayList<>(last.items());
                merged.addAll(e.items());
                doc.set(doc.size() - 1, new DocEntry(last.pos(), last.lexeme(), merged));
            } else {
                doc.add(e);
            }
        }
        return doc;
    }

    /** QueryRepresentation: which operands have been seen and at which positions (kept ascending). */
    private static final class QueryState implements TextSearchMatch.Operands {
        final Map<PgTsQuery.Operand, List<Integer>> seen = new IdentityHashMap<>();
        boolean reverse;

        void reset(boolean reverse) {
            seen.clear();
            this.reverse = reverse;
        }

        void fill(DocEntry e) {
            int position = PgTsVector.position(e.pos());
            for (PgTsQuery.Operand item : e.items()) {
                List<Integer> positions = seen.computeIfAbsent(item, k -> new ArrayList<>());
                if (positions.isEmpty()) {
                    positions.add(position);
                } else if (reverse ? positions.get(0) != position : positions.get(positions.size() - 1) != position) {
                    positions.add(reverse ? 0 : positions.size(), position);
                }
            }
        }

        @Override
        public TextSearchMatch.Ternary check(PgTsQuery.Operand operand, TextSearchMatch.Positions data) {
            List<Integer> positions = seen.get(operand);
            if (positions == null) {
                return TextSearchMatch.Ternary.NO;
            }
            if (data != null) {
                data.pos = new ArrayList<>(positions);
            }
            return TextSearchMatch.Ternary.YES;
        }
    }

    static float rank(float[] weights, PgTsVector t, PgTsQuery q, int method) {
        double[] invws = new double[4];
        for (int i = 0; i < 4; i++) {
            invws[i] = 1.0 / (double) weights[i];
        }
        if (q.root() == null) {
            return 0.0f;
        }
        List<DocEntry> doc = docRepresentation(t, q);
        if (doc.isEmpty()) {
            return 0.0f;
        }
        QueryState qr = new QueryState();
        double wdoc = 0.0;
        double sumDist = 0.0;
        double prevExtPos = 0.0;
        int nExtent = 0;
        int extPos = 0;
        while (true) {
            // Cover: the next minimal stretch of the document satisfying the query
            int[] cover = null;
            while (extPos < doc.size() && cover == null) {
                qr.reset(false);
                int q2 = 0;
                int end = -1;
                for (int i = extPos; i < doc.size(); i++) {
                    qr.fill(doc.get(i));
                    if (TextSearchMatch.execute(q.root(), qr, true)) {
                        if (PgTsVector.position(doc.get(i).pos()) > q2) {
                            q2 = PgTsVector.position(doc.get(i).pos());
                            end = i;
                        }
                        break;
                    }
                }
                if (end < 0) {
                    break;
                }
                qr.reset(true);
                int p = Integer.MAX_VALUE;
                int begin = -1;
                int at = end;
                for (; at >= extPos; at--) {
                    qr.fill(doc.get(at));
                    if (TextSearchMatch.execute(q.root(), qr, false)) {
                        if (PgTsVector.position(doc.get(at).pos()) < p) {
                            begin = at;
                            p = PgTsVector.position(doc.get(at).pos());
                        }
                        break;
                    }
                }
                if (p <= q2) {
                    extPos = at + 1;
                    cover = new int[] {begin, end, p, q2};
                } else {
                    extPos++;
                }
            }
            if (cover == null) {
                break;
            }
            int begin = cover[0];
            int end = cover[1];
            double invSum = 0.0;
            for (int i = begin; i <= end; i++) {
                invSum += invws[PgTsVector.weight(doc.get(i).pos())];
            }
            double cpos = ((double) (end - begin + 1)) / invSum;
            int nNoise = (cover[3] - cover[2]) - (end - begin);
            if (nNoise < 0) {
                nNoise = (end - begin) / 2;
            }
            wdoc += cpos / ((double) (1 + nNoise));
            double curExtPos = ((double) (cover[3] + cover[2])) / 2.0;
            if (nExtent > 0 && curExtPos > prevExtPos) {
                sumDist += 1.0 / (curExtPos - prevExtPos);
            }
            prevExtPos = curExtPos;
            nExtent++;
        }
        int size = t.lexemes().size();
        if ((method & 0x01) != 0 && size > 0) {
            wdoc /= Math.log(length(t) + 1);
        }
        if ((method & 0x02) != 0) {
            int len = length(t);
            if (len > 0) {
                wdoc /= len;
            }
        }
        if ((method & 0x04) != 0 && nExtent > 0 && sumDist > 0) {
            wdoc /= ((double) nExtent) / sumDist;
        }
        if ((method & 0x08) != 0 && size > 0) {
            wdoc /= size;
        }
        if ((method & 0x10) != 0 && size > 0) {
            wdoc /= Math.log(size + 1) / Math.log(2.0);
        }
        if ((method & 0x20) != 0) {
            wdoc /= (wdoc + 1);
        }
        return (float) wdoc;
    }

    private static int length(PgTsVector t) {
        int len = 0;
        for (PgTsVector.Lexeme l : t.lexemes()) {
            len += l.positions().isEmpty() ? 1 : l.positions().size();
        }
        return len;
    }
}
