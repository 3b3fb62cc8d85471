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
import org.lakepg.wire.types.TsText;

/**
 * tsvector and tsquery operators and functions that need no text search configuration: ||,
 * length, strip, setweight, ts_delete, array conversions, numnode, query combinators and @@.
 */
public final class TextSearchFunctions {
    private TextSearchFunctions() {}

    private static final int MAX_POS = 16383;

    private static PgTsVector v(Object o) {
        return (PgTsVector) o;
    }

    private static PgTsQuery q(Object o) {
        return (PgTsQuery) o;
    }

    public static void register(FunctionRegistry r) {
        r.register("tsvector_length", (x, c) -> v(x[0]).lexemes().size());
        r.register("tsvector_strip", (x, c) -> new PgTsVector(v(x[0]).lexemes().stream()
                .map(l -> new PgTsVector.Lexeme(l.word(), List.of())).toList()));
        r.register("tsvector_setweight", (x, c) -> setWeight(v(x[0]), (Byte) x[1], null));
        r.register("tsvector_setweight_by_filter", (x, c) -> setWeight(v(x[0]), (Byte) x[1], (PgArray) x[2]));
        r.register("tsvector_filter", (x, c) -> filter(v(x[0]), (PgArray) x[1]));
        r.register("tsvector_concat", (x, c) -> concat(v(x[0]), v(x[1])));
        r.register("tsvector_delete_str", (x, c) -> delete(v(x[0]), List.of((String) x[1])));
        r.register("tsvector_delete_arr", (x, c) -> {
            List<String> words = new ArrayList<>();
            for (Object e : ((PgArray) x[1]).elements()) {
                if (e != null) {
                    words.add((String) e);
                }
            }
            return delete(v(x[0]), words);
        });
        r.register("tsvector_to_array", (x, c) -> PgArray.of(25, v(x[0]).lexemes().stream()
                .map(PgTsVector.Lexeme::word).toArray()));
        r.register("array_to_tsvector", (x, c) -> {
            TreeMap<String, List<Integer>> words = new TreeMap<>(PgTsVector::compareWords);
            for (Object e : ((PgArray) x[0]).elements()) {
                if (e == null) {
                    throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "lexeme array may not contain nulls");
                }
                if (((String) e).isEmpty()) {
                    throw PgException.of(SqlState.ZERO_LENGTH_CHARACTER_STRING,
                            "lexeme array may not contain empty strings");
                }
                words.put((String) e, List.of());
            }
            return new PgTsVector(words.entrySet().stream()
                    .map(e -> new PgTsVector.Lexeme(e.getKey(), e.getValue())).toList());
        });
        r.register("tsquery_numnode", (x, c) -> q(x[0]).root() == null ? 0 : count(q(x[0]).root()));
        r.register("tsquery_and", (x, c) -> combine(q(x[0]), q(x[1]), PgTsQuery.Op.AND, 0));
        r.register("tsquery_or", (x, c) -> combine(q(x[0]), q(x[1]), PgTsQuery.Op.OR, 0));
        r.register("tsquery_phrase", (x, c) -> combine(q(x[0]), q(x[1]), PgTsQuery.Op.PHRASE, 1));
        r.register("tsquery_phrase_distance", (x, c) -> {
            int d = (Integer) x[2];
            if (d < 0 || d > MAX_POS + 1) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "distance in phrase operator must be an integer value between zero and %d inclusive",
                        MAX_POS + 1);
            }
            return combine(q(x[0]), q(x[1]), PgTsQuery.Op.PHRASE, d);
        });
        r.register("tsquery_not", (x, c) -> q(x[0]).root() == null ? q(x[0]) : new PgTsQuery(new PgTsQuery.Not(q(x[0]).root())));
        r.register("ts_match_vq", (x, c) -> match(v(x[0]), q(x[1])));
        r.register("tsq_mcontains", (x, c) -> contains(q(x[0]), q(x[1])));
        r.register("tsq_mcontained", (x, c) -> contains(q(x[1]), q(x[0])));
        r.register("ts_match_qv", (x, c) -> match(v(x[1]), q(x[0])));
    }

    /** tsq_mcontains: the query has at least as many nodes and every operand word of ex. */
    private static boolean contains(PgTsQuery query, PgTsQuery ex) {
        int querySize = query.root() == null ? 0 : count(query.root());
        int exSize = ex.root() == null ? 0 : count(ex.root());
        if (querySize < exSize) {
            return false;
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        if (query.root() != null) {
            operandWords(query.root(), words);
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        if (ex.root() != null) {
            operandWords(ex.root(), wanted);
        }
        return words.containsAll(wanted);
    }

    private static void operandWords(PgTsQuery.Node n, java.util.Set<String> out) {
        switch (n) {
            case PgTsQuery.Operand o -> out.add(o.word());
            case PgTsQuery.Not x -> operandWords(x.arg(), out);
            case PgTsQuery.Binary b -> {
                operandWords(b.left(), out);
                operandWords(b.right(), out);
            }
        }
    }

    private static int count(PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> 1;
            case PgTsQuery.Not x -> 1 + count(x.arg());
            case PgTsQuery.Binary b -> 1 + count(b.left()) + count(b.right());
        };
    }

    /** tsquery_and/or/phrase: an empty side gives the other query back unchanged. */
    private static PgTsQuery combine(PgTsQuery a, PgTsQuery b, PgTsQuery.Op op, int distance) {
        if (a.root() == null) {
            return b;
        }
        if (b.root() == null) {
            return a;
        }
        return new PgTsQuery(new PgTsQuery.Binary(op, distance, a.root(), b.root()));
    }

    private static PgTsVector setWeight(PgTsVector vector, byte letter, PgArray filter) {
        int weight = switch (Character.toLowerCase((char) letter)) {
            case 'a' -> 3;
            case 'b' -> 2;
            case 'c' -> 1;
            case 'd' -> 0;
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized weight: %d", (int) letter);
        };
        java.util.Set<String> only = null;
        if (filter != null) {
            only = new java.util.HashSet<>();
            for (Object e : filter.elements()) {
                if (e != null) {
                    only.add((String) e);
                }
            }
        }
        List<PgTsVector.Lexeme> out = new ArrayList<>();
        for (PgTsVector.Lexeme l : vector.lexemes()) {
            if (only != null && !only.contains(l.word())) {
                out.add(l);
                continue;
            }
            out.add(new PgTsVector.Lexeme(l.word(), l.positions().stream()
                    .map(p -> PgTsVector.pack(PgTsVector.position(p), weight)).toList()));
        }
        return new PgTsVector(out);
    }

    /** ts_filter: only positions of the given weights; lexemes left without positions (or never with any) go. */
    private static PgTsVector filter(PgTsVector vector, PgArray weights) {
        int mask = 0;
        for (Object e : weights.elements()) {
            if (e == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "weight array may not contain nulls");
            }
            char w = (char) (((Byte) e) & 0xFF);
            mask |= switch (Character.toLowerCase(w)) {
                case 'a' -> 8;
                case 'b' -> 4;
                case 'c' -> 2;
                case 'd' -> 1;
                default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized weight: \"%c\"", w);
            };
        }
        List<PgTsVector.Lexeme> out = new ArrayList<>();
        for (PgTsVector.Lexeme l : vector.lexemes()) {
            List<Integer> kept = new ArrayList<>();
            for (int p : l.positions()) {
                if ((mask & (1 << PgTsVector.weight(p))) != 0) {
                    kept.add(p);
                }
            }
            if (!kept.isEmpty()) {
                out.add(new PgTsVector.Lexeme(l.word(), kept));
            }
        }
        return new PgTsVector(out);
    }

    /** tsvector_concat: the right side's positions move past the left side's largest position. */
    private static PgTsVector concat(PgTsVector a, PgTsVector b) {
        int maxPos = 0;
        for (PgTsVector.Lexeme l : a.lexemes()) {
            for (int p : l.positions()) {
                maxPos = Math.max(maxPos, PgTsVector.position(p));
            }
        }
        TreeMap<String, List<Integer>> words = new TreeMap<>(PgTsVector::compareWords);
        for (PgTsVector.Lexeme l : a.lexemes()) {
            words.put(l.word(), new ArrayList<>(l.positions()));
        }
        for (PgTsVector.Lexeme l : b.lexemes()) {
            List<Integer> positions = words.computeIfAbsent(l.word(), w -> new ArrayList<>());
            for (int p : l.positions()) {
                int shifted = Math.min(PgTsVector.position(p) + maxPos, MAX_POS);
                int packed = PgTsVector.pack(shifted, PgTsVector.weight(p));
                if (positions.isEmpty() || PgTsVector.position(positions.get(positions.size() - 1)) != shifted) {
                    positions.add(packed);
                }
            }
        }
        return new PgTsVector(words.entrySet().stream()
                .map(e -> new PgTsVector.Lexeme(e.getKey(), TsText.uniquePositions(e.getValue()))).toList());
    }

    private static PgTsVector delete(PgTsVector vector, List<String> words) {
        return new PgTsVector(vector.lexemes().stream().filter(l -> !words.contains(l.word())).toList());
    }

    private static boolean match(PgTsVector vector, PgTsQuery query) {
        return TextSearchMatch.matches(vector, query);
    }
}
