package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Text forms of tsvector and tsquery (tsvectorin/out, tsqueryin/out). */
public final class TsText {
    private TsText() {
    }

    private static final int MAX_POS = 16383;

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }

    /** One word: quoted ('' is a quote) or bare (ending at a space, or for tsquery at an operator or ':'). */
    private static String word(String s, int[] pos, boolean query, String input, String type) {
        StringBuilder out = new StringBuilder();
        int i = pos[0];
        if (i < s.length() && s.charAt(i) == '\'') {
            i++;
            while (true) {
                if (i >= s.length()) {
                    throw syntax(type, input);
                }
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw syntax(type, input);
                    }
                    out.append(s.charAt(i + 1));
                    i += 2;
                } else if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        out.append('\'');
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                } else {
                    out.append(c);
                    i++;
                }
            }
            if (out.length() == 0) {
                throw syntax(type, input);
            }
        } else {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (space(c) || (query && "!&|()<:".indexOf(c) >= 0) || (!query && c == ':')) {
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw syntax(type, input);
                    }
                    out.append(s.charAt(i + 1));
                    i += 2;
                } else if (!query && c == '\'') {
                    throw syntax(type, input);
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
        pos[0] = i;
        return out.toString();
    }

    private static PgException syntax(String type, String input) {
        return PgException.of(SqlState.SYNTAX_ERROR, "syntax error in %s: \"%s\"", type, input);
    }

    // ---- tsvector

    public static PgTsVector parseVector(String s) {
        TreeMap<String, List<Integer>> words = new TreeMap<>(PgTsVector::compareWords);
        java.util.Set<String> withPositions = new java.util.HashSet<>();
        int[] pos = {0};
        while (true) {
            while (pos[0] < s.length() && space(s.charAt(pos[0]))) {
                pos[0]++;
            }
            if (pos[0] >= s.length()) {
                break;
            }
            String word = word(s, pos, false, s, "tsvector");
            List<Integer> positions = words.computeIfAbsent(word, w -> new ArrayList<>());
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                withPositions.add(word);
                while (true) {
                    int start = pos[0];
                    long p = 0;
                    while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0])) && s.charAt(pos[0]) < 128) {
                        p = Math.min(p * 10 + (s.charAt(pos[0]) - '0'), 1_000_000);
                        pos[0]++;
                    }
                    if (pos[0] == start) {
                        throw syntax("tsvector", s);
                    }
                    int position = (int) Math.min(p, MAX_POS);
                    if (position == 0) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "wrong position info in tsvector: \"%s\"", s);
                    }
                    // after the digits: weight letters ('*' is A; a weight may only replace D), digits ignored
                    int weight = 0;
                    boolean more = false;
                    while (pos[0] < s.length() && !space(s.charAt(pos[0]))) {
                        char w = s.charAt(pos[0]);
                        if (w == ',') {
                            more = true;
                            pos[0]++;
                            break;
                        }
                        int letter = switch (w) {
                            case 'a', 'A', '*' -> 3;
                            case 'b', 'B' -> 2;
                            case 'c', 'C' -> 1;
                            case 'd', 'D' -> 0;
                            default -> -1;
                        };
                        if (letter >= 0) {
                            if (weight != 0) {
                                throw syntax("tsvector", s);
                            }
                            weight = letter;
                        } else if (!(w >= '0' && w <= '9')) {
                            throw syntax("tsvector", s);
                        }
                        pos[0]++;
                    }
                    positions.add(PgTsVector.pack(position, weight));
                    if (!more) {
                        break;
                    }
                }
            }
        }
        List<PgTsVector.Lexeme> lexemes = new ArrayList<>();
        for (var e : words.entrySet()) {
            lexemes.add(new PgTsVector.Lexeme(e.getKey(), uniquePositions(e.getValue())));
        }
        return new PgTsVector(lexemes);
    }

    /** uniquePos: sorted by position, a repeated position keeps the highest weight. */
    public static List<Integer> uniquePositions(List<Integer> packed) {
        TreeMap<Integer, Integer> byPosition = new TreeMap<>();
        for (int p : packed) {
            byPosition.merge(PgTsVector.position(p), PgTsVector.weight(p), Math::max);
        }
        List<Integer> out = new ArrayList<>();
        byPosition.forEach((p, w) -> out.add(PgTsVector.pack(p, w)));
        return out.size() > 255 ? out.subList(0, 255) : out;
    }

    private static void quote(StringBuilder out, String word) {
        out.append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('\'');
    }

    static String formatVector(PgTsVector v) {
        StringBuilder out = new StringBuilder();
        for (PgTsVector.Lexeme l : v.lexemes()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            quote(out, l.word());
            for (int i = 0; i < l.positions().size(); i++) {
                out.append(i == 0 ? ':' : ',');
                int p = l.positions().get(i);
                out.append(PgTsVector.position(p));
                switch (PgTsVector.weight(p)) {
                    case 3 -> out.append('A');
                    case 2 -> out.append('B');
                    case 1 -> out.append('C');
                    default -> {
                    }
                }
            }
        }
        return out.toString();
    }

    // ---- tsquery

    public static PgTsQuery parseQuery(String s) {
        return new TsQueryParser(s).parse();
    }

    static String formatQuery(PgTsQuery q) {
        if (q.root() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        infix(out, q.root(), -1, false);
        return out.toString();
    }

    private static void infix(StringBuilder out, PgTsQuery.Node n, int parentPriority, boolean rightPhrase) {
        switch (n) {
            case PgTsQuery.Operand o -> {
                quote(out, o.word());
                if (o.weights() != 0 || o.prefix()) {
                    out.append(':');
                    if (o.prefix()) {
                        out.append('*');
                    }
                    if ((o.weights() & 8) != 0) {
                        out.append('A');
                    }
                    if ((o.weights() & 4) != 0) {
                        out.append('B');
                    }
                    if ((o.weights() & 2) != 0) {
                        out.append('C');
                    }
                    if ((o.weights() & 1) != 0) {
                        out.append('D');
                    }
                }
            }
            case PgTsQuery.Not x -> {
                boolean parens = 4 < parentPriority;
                if (parens) {
                    out.append("( ");
                }
                out.append('!');
                infix(out, x.arg(), 4, false);
                if (parens) {
                    out.append(" )");
                }
            }
            case PgTsQuery.Binary b -> {
                int priority = PgTsQuery.priority(b);
                boolean parens = priority < parentPriority || (b.op() == PgTsQuery.Op.PHRASE && rightPhrase);
                if (parens) {
                    out.append("( ");
                }
                infix(out, b.left(), priority, false);
                out.append(switch (b.op()) {
                    case OR -> " | ";
                    case AND -> " & ";
                    case PHRASE -> b.distance() == 1 ? " <-> " : " <" + b.distance() + "> ";
                });
                infix(out, b.right(), priority, b.op() == PgTsQuery.Op.PHRASE);
                if (parens) {
                    out.append(" )");
                }
            }
        }
    }

    /** gettoken_query_standard and makepol: operands, !, &, |, <N> with their priorities, parentheses. */
    private static final class TsQueryParser {
        private final String s;
        private final int[] pos = {0};

        TsQueryParser(String s) {
            this.s = s;
        }

        private void skip() {
            while (pos[0] < s.length() && space(s.charAt(pos[0]))) {
                pos[0]++;
            }
        }

        private boolean at(char c) {
            skip();
            return pos[0] < s.length() && s.charAt(pos[0]) == c;
        }

        PgTsQuery parse() {
            skip();
            if (pos[0] >= s.length()) {
                return new PgTsQuery(null);
            }
            PgTsQuery.Node root = expression(0);
            skip();
            if (pos[0] < s.length()) {
                throw syntax("tsquery", s);
            }
            return new PgTsQuery(root);
        }

        /** Binary operators at or above minPriority, left associative. */
        private PgTsQuery.Node expression(int minPriority) {
            PgTsQuery.Node left = unary();
            while (true) {
                skip();
                if (pos[0] >= s.length()) {
                    return left;
                }
                char c = s.charAt(pos[0]);
                PgTsQuery.Op op;
                int distance = 0;
                int save = pos[0];
                if (c == '|') {
                    op = PgTsQuery.Op.OR;
                    pos[0]++;
                } else if (c == '&') {
                    op = PgTsQuery.Op.AND;
                    pos[0]++;
                } else if (c == '<') {
                    op = PgTsQuery.Op.PHRASE;
                    distance = phraseDistance();
                } else {
                    return left;
                }
                int priority = op == PgTsQuery.Op.OR ? 1 : op == PgTsQuery.Op.AND ? 2 : 3;
                if (priority < minPriority) {
                    pos[0] = save;
                    return left;
                }
                PgTsQuery.Node right = expression(priority + 1);
                left = new PgTsQuery.Binary(op, distance, left, right);
            }
        }

        private int phraseDistance() {
            int i = pos[0] + 1;
            if (s.startsWith("->", i)) {
                pos[0] = i + 2;
                return 1;
            }
            int start = i;
            long d = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                d = Math.min(d * 10 + (s.charAt(i) - '0'), 100_000);
                i++;
            }
            if (i == start || i >= s.length() || s.charAt(i) != '>') {
                throw syntax("tsquery", s);
            }
            if (d > MAX_POS + 1) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "distance in phrase operator must be an integer value between zero and %d inclusive", MAX_POS + 1);
            }
            pos[0] = i + 1;
            return (int) d;
        }

        private PgTsQuery.Node unary() {
            skip();
            if (pos[0] >= s.length()) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "no operand in tsquery: \"%s\"", s);
            }
            char c = s.charAt(pos[0]);
            if (c == '!') {
                pos[0]++;
                return new PgTsQuery.Not(unary());
            }
            if (c == '(') {
                pos[0]++;
                PgTsQuery.Node inner = expression(0);
                if (!at(')')) {
                    throw syntax("tsquery", s);
                }
                pos[0]++;
                return inner;
            }
            if ("&|)<:".indexOf(c) >= 0) {
                throw syntax("tsquery", s);
            }
            String word = word(s, pos, true, s, "tsquery");
            int weights = 0;
            boolean prefix = false;
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                loop:
                while (pos[0] < s.length()) {
                    switch (s.charAt(pos[0])) {
                        case 'a', 'A' -> weights |= 8;
                        case 'b', 'B' -> weights |= 4;
                        case 'c', 'C' -> weights |= 2;
                        case 'd', 'D' -> weights |= 1;
                        case '*' -> prefix = true;
                        default -> {
                            break loop;
                        }
                    }
                    pos[0]++;
                }
            }
            return new PgTsQuery.Operand(word, weights, prefix);
        }
    }
}
