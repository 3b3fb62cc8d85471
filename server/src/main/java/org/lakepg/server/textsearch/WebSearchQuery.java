package org.lakepg.server.textsearch;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.types.PgTsQuery;

/**
 * websearch_to_tsquery's syntax (gettoken_query_websearch): words joined by an implicit AND,
 * "quoted text" as a phrase, "or" between operands as OR, a leading "-" as NOT; other operator
 * characters are ignored, so no input is a syntax error.
 */
public final class WebSearchQuery {
    private WebSearchQuery() {}

    private sealed interface Tok {
    }

    private record Operand(QueryBuilder.Node node) implements Tok {
    }

    private record Operator(PgTsQuery.Op op) implements Tok {
    }

    private record NotOp() implements Tok {
    }

    private static boolean isOperator(char c) {
        return c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<';
    }

    public static PgTsQuery parse(Configuration config, String s) {
        List<Tok> toks = tokens(config, s);
        if (toks.isEmpty()) {
            return null;
        }
        int[] at = {0};
        QueryBuilder.Node root = expression(toks, at, 0);
        return QueryBuilder.finish(root);
    }

    private static List<Tok> tokens(Configuration config, String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        boolean waitOperator = false;
        boolean first = true;
        while (true) {
            if (!waitOperator) {
                if (i < n && s.charAt(i) == '-') {
                    i++;
                    out.add(new NotOp());
                    first = false;
                    continue;
                }
                if (i < n && s.charAt(i) == '"') {
                    int start = ++i;
                    while (i < n && s.charAt(i) != '"') {
                        i++;
                    }
                    String phrase = s.substring(start, i);
                    if (i < n) {
                        i++;
                    }
                    out.add(new Operand(QueryBuilder.morph(config, phrase, PgTsQuery.Op.PHRASE, 0, false)));
                    waitOperator = true;
                    first = false;
                    continue;
                }
                if (i < n && isOperator(s.charAt(i))) {
                    i++;
                    first = false;
                    continue;
                }
                if (i >= n || !Character.isWhitespace(s.charAt(i))) {
                    StringBuilder word = new StringBuilder();
                    while (i < n) {
                        char c = s.charAt(i);
                        if (Character.isWhitespace(c) || isOperator(c) || c == '"'
                                || (c == ':' && word.length() > 0)) {
                            break;
                        }
                        if (c == '\\' && i + 1 < n) {
                            word.append(s.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        word.append(c);
                        i++;
                    }
                    if (word.length() > 0) {
                        out.add(new Operand(QueryBuilder.morph(config, word.toString(), PgTsQuery.Op.PHRASE, 0,
                                false)));
                        waitOperator = true;
                        first = false;
                        continue;
                    }
                    if (!first) {
                        out.add(new Operand(new QueryBuilder.Stop()));
                    }
                    return out;
                }
                i++;
            } else {
                if (i >= n) {
                    return out;
                }
                if (isOr(s, i)) {
                    i += 2;
                    out.add(new Operator(PgTsQuery.Op.OR));
                    waitOperator = false;
                    continue;
                }
                char c = s.charAt(i);
                if (isOperator(c)) {
                    i++;
                    continue;
                }
                if (!Character.isWhitespace(c)) {
                    out.add(new Operator(PgTsQuery.Op.AND));
                    waitOperator = false;
                    continue;
                }
                i++;
            }
        }
    }

    /** parse_or_operator: "or" not inside a word, with an operand somewhere after it. */
    private static boolean isOr(String s, int i) {
        if (!s.regionMatches(true, i, "or", 0, 2)) {
            return false;
        }
        int p = i + 2;
        if (p >= s.length()) {
            return false;
        }
        char c = s.charAt(p);
        if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
            return false;
        }
        while (true) {
            p++;
            if (p >= s.length()) {
                return false;
            }
            if (!Character.isWhitespace(s.charAt(p))) {
                return true;
            }
        }
    }

    private static int priority(PgTsQuery.Op op) {
        return op == PgTsQuery.Op.OR ? 1 : op == PgTsQuery.Op.AND ? 2 : 3;
    }

    private static QueryBuilder.Node expression(List<Tok> toks, int[] at, int minPriority) {
        QueryBuilder.Node left = unary(toks, at);
        while (at[0] < toks.size() && toks.get(at[0]) instanceof Operator o && priority(o.op()) >= minPriority) {
            at[0]++;
            QueryBuilder.Node right = expression(toks, at, priority(o.op()) + 1);
            left = new QueryBuilder.Bin(o.op(), 0, left, right);
        }
        return left;
    }

    private static QueryBuilder.Node unary(List<Tok> toks, int[] at) {
        if (at[0] >= toks.size()) {
            return new QueryBuilder.Stop();
        }
        Tok t = toks.get(at[0]++);
        return switch (t) {
            case NotOp x -> new QueryBuilder.Not(unary(toks, at));
            case Operand o -> o.node();
            case Operator o -> new QueryBuilder.Stop();
        };
    }
}
