package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;

/**
 * tsvector @@ tsquery (TS_execute): three-valued evaluation, and below phrase operators the match
 * positions (TS_phrase_execute): a node yields the end positions of its matches, whether they are
 * negated ("everywhere except"), and its width.
 */
public final class TextSearchMatch {
    private TextSearchMatch() {}

    enum Ternary { NO, YES, MAYBE }

    /** ExecPhraseData: positions (sorted, unique), negate, width. */
    static final class Positions {
        List<Integer> pos = new ArrayList<>();
        boolean negate;
        int width;
    }

    /** TSExecuteCallback: whether an operand is present, filling its positions when data is not null. */
    interface Operands {
        Ternary check(PgTsQuery.Operand operand, Positions data);
    }

    public static boolean matches(PgTsVector vector, PgTsQuery query) {
        return query.root() != null && execute(query.root(), (o, data) -> operand(vector, o, data), false);
    }

    /** TS_execute; with skipNot (TS_EXEC_SKIP_NOT) every NOT counts as true. */
    static boolean execute(PgTsQuery.Node root, Operands v, boolean skipNot) {
        return recurse(v, root, skipNot) != Ternary.NO;
    }

    private static Ternary recurse(Operands v, PgTsQuery.Node n, boolean skipNot) {
        return switch (n) {
            case PgTsQuery.Operand o -> v.check(o, null);
            case PgTsQuery.Not x -> skipNot ? Ternary.YES : switch (recurse(v, x.arg(), skipNot)) {
                case NO -> Ternary.YES;
                case YES -> Ternary.NO;
                case MAYBE -> Ternary.MAYBE;
            };
            case PgTsQuery.Binary b -> switch (b.op()) {
                case AND -> {
                    Ternary l = recurse(v, b.left(), skipNot);
                    if (l == Ternary.NO) {
                        yield Ternary.NO;
                    }
                    Ternary r = recurse(v, b.right(), skipNot);
                    yield r == Ternary.NO ? Ternary.NO : r == Ternary.YES ? l : Ternary.MAYBE;
                }
                case OR -> {
                    Ternary l = recurse(v, b.left(), skipNot);
                    if (l == Ternary.YES) {
                        yield Ternary.YES;
                    }
                    Ternary r = recurse(v, b.right(), skipNot);
                    yield r == Ternary.NO ? l : r;
                }
                // a MAYBE at the topmost phrase operator counts as no match, as in PostgreSQL
                case PHRASE -> phrase(v, n, null, skipNot) == Ternary.YES ? Ternary.YES : Ternary.NO;
            };
        };
    }

    /** checkcondition_str: the operand's lexeme (or lexemes it prefixes), with weights and positions. */
    private static Ternary operand(PgTsVector v, PgTsQuery.Operand o, Positions data) {
        TreeSet<Integer> all = new TreeSet<>();
        Ternary result = Ternary.NO;
        for (PgTsVector.Lexeme l : v.lexemes()) {
            boolean hit = o.prefix() ? l.word().startsWith(o.word()) : l.word().equals(o.word());
            if (!hit) {
                continue;
            }
            Ternary sub;
            List<Integer> positions = new ArrayList<>();
            if (!l.positions().isEmpty()) {
                for (int p : l.positions()) {
                    if (o.weights() == 0 || (o.weights() & (1 << PgTsVector.weight(p))) != 0) {
                        positions.add(PgTsVector.position(p));
                    }
                }
                sub = positions.isEmpty() ? Ternary.NO : Ternary.YES;
            } else {
                // stripped: weights are not checked, and positions cannot be known
                sub = data != null ? Ternary.MAYBE : Ternary.YES;
            }
            if (sub == Ternary.MAYBE) {
                return Ternary.MAYBE;
            }
            if (sub == Ternary.YES) {
                result = Ternary.YES;
                all.addAll(positions);
            }
        }
        if (data != null && result == Ternary.YES) {
            data.pos = new ArrayList<>(all);
        }
        return result;
    }

    private static Ternary phrase(Operands v, PgTsQuery.Node n, Positions data, boolean skipNot) {
        switch (n) {
            case PgTsQuery.Operand o -> {
                return v.check(o, data);
            }
            case PgTsQuery.Not x -> {
                if (skipNot) {
                    data.negate = true;
                    return Ternary.YES;
                }
                switch (phrase(v, x.arg(), data, skipNot)) {
                    case NO -> {
                        data.negate = true;
                        return Ternary.YES;
                    }
                    case YES -> {
                        if (!data.pos.isEmpty()) {
                            data.negate = !data.negate;
                            return Ternary.YES;
                        }
                        data.negate = false;
                        return Ternary.NO;
                    }
                    default -> {
                        return Ternary.MAYBE;
                    }
                }
            }
            case PgTsQuery.Binary b -> {
                Positions l = new Positions();
                Positions r = new Positions();
                if (b.op() == PgTsQuery.Op.OR) {
                    Ternary lm = phrase(v, b.left(), l, skipNot);
                    Ternary rm = phrase(v, b.right(), r, skipNot);
                    if (lm == Ternary.NO && rm == Ternary.NO) {
                        return Ternary.NO;
                    }
                    if (lm == Ternary.MAYBE || rm == Ternary.MAYBE) {
                        return Ternary.MAYBE;
                    }
                    if (lm == Ternary.NO) {
                        l.width = 0;
                    }
                    if (rm == Ternary.NO) {
                        r.width = 0;
                    }
                    int maxWidth = Math.max(l.width, r.width);
                    int lOffset = maxWidth - l.width;
                    int rOffset = maxWidth - r.width;
                    data.width = maxWidth;
                    if (l.negate && r.negate) {
                        output(data, l, r, BOTH, lOffset, rOffset);
                        data.negate = true;
                        return Ternary.YES;
                    } else if (l.negate) {
                        output(data, l, r, L_ONLY, lOffset, rOffset);
                        data.negate = true;
                        return Ternary.YES;
                    } else if (r.negate) {
                        output(data, l, r, R_ONLY, lOffset, rOffset);
                        data.negate = true;
                        return Ternary.YES;
                    }
                    return output(data, l, r, BOTH | L_ONLY | R_ONLY, lOffset, rOffset);
                }
                Ternary lm = phrase(v, b.left(), l, skipNot);
                if (lm == Ternary.NO) {
                    return Ternary.NO;
                }
                Ternary rm = phrase(v, b.right(), r, skipNot);
                if (rm == Ternary.NO) {
                    return Ternary.NO;
                }
                if (lm == Ternary.MAYBE || rm == Ternary.MAYBE) {
                    return Ternary.MAYBE;
                }
                int lOffset;
                int rOffset;
                if (b.op() == PgTsQuery.Op.PHRASE) {
                    lOffset = b.distance() + r.width;
                    rOffset = 0;
                    if (data != null) {
                        data.width = b.distance() + l.width + r.width;
                    }
                } else {
                    int maxWidth = Math.max(l.width, r.width);
                    lOffset = maxWidth - l.width;
                    rOffset = maxWidth - r.width;
                    if (data != null) {
                        data.width = maxWidth;
                    }
                }
                if (l.negate && r.negate) {
                    output(data, l, r, BOTH | L_ONLY | R_ONLY, lOffset, rOffset);
                    if (data != null) {
                        data.negate = true;
                    }
                    return Ternary.YES;
                } else if (l.negate) {
                    return output(data, l, r, R_ONLY, lOffset, rOffset);
                } else if (r.negate) {
                    return output(data, l, r, L_ONLY, lOffset, rOffset);
                }
                return output(data, l, r, BOTH, lOffset, rOffset);
            }
        }
    }

    private static final int L_ONLY = 1;
    private static final int R_ONLY = 2;
    private static final int BOTH = 4;

    /** TS_phrase_output: merge the two position lists, keeping what emit asks for. */
    private static Ternary output(Positions data, Positions l, Positions r, int emit, int lOffset, int rOffset) {
        int li = 0;
        int ri = 0;
        boolean any = false;
        while (li < l.pos.size() || ri < r.pos.size()) {
            int lpos;
            int rpos;
            if (li < l.pos.size()) {
                lpos = l.pos.get(li) + lOffset;
            } else {
                if ((emit & R_ONLY) == 0) {
                    break;
                }
                lpos = Integer.MAX_VALUE;
            }
            if (ri < r.pos.size()) {
                rpos = r.pos.get(ri) + rOffset;
            } else {
                if ((emit & L_ONLY) == 0) {
                    break;
                }
                rpos = Integer.MAX_VALUE;
            }
            int out = 0;
            if (lpos < rpos) {
                if ((emit & L_ONLY) != 0) {
                    out = lpos;
                }
                li++;
            } else if (lpos == rpos) {
                if ((emit & BOTH) != 0) {
                    out = rpos;
                }
                li++;
                ri++;
            } else {
                if ((emit & R_ONLY) != 0) {
                    out = rpos;
                }
                ri++;
            }
            if (out > 0) {
                if (data == null) {
                    return Ternary.YES;
                }
                data.pos.add(out);
                any = true;
            }
        }
        return any ? Ternary.YES : Ternary.NO;
    }
}
