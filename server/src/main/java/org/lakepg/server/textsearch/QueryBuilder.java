package org.lakepg.server.textsearch;

import java.util.List;
import org.lakepg.wire.types.PgTsQuery;

/**
 * to_tsquery and friends with a configuration (pushval_morph and clean_stopwords): each operand's
 * text is parsed and normalized like a document; its lexemes are joined by the function's operator
 * (&lt;-&gt; for to_tsquery and phraseto_tsquery, &amp; for plainto_tsquery), stop words leave
 * placeholders that are removed afterwards, widening the phrase distances around them.
 */
public final class QueryBuilder {
    private QueryBuilder() {}

    /** A query tree that may still hold stop word placeholders. */
    public sealed interface Node {
    }

    public record Val(String word, int weights, boolean prefix) implements Node {
    }

    public record Stop() implements Node {
    }

    public record Not(Node arg) implements Node {
    }

    public record Bin(PgTsQuery.Op op, int distance, Node left, Node right) implements Node {
    }

    /** The lexemes of one operand's text joined by op; a Stop when there are none. */
    public static Node morph(Configuration config, String text, PgTsQuery.Op op, int weights, boolean prefix) {
        List<Documents.Word> words = Documents.words(config, text, 0);
        if (words.isEmpty()) {
            return new Stop();
        }
        int distance = op == PgTsQuery.Op.PHRASE ? 1 : 0;
        Node node = null;
        int pos = 0;
        for (Documents.Word w : words) {
            if (pos > 0) {
                while (pos + 1 < w.position()) {
                    node = new Bin(op, distance, node, new Stop());
                    pos++;
                }
            }
            Node val = new Val(w.lexeme(), weights, prefix);
            node = node == null ? val : new Bin(op, distance, node, val);
            pos = w.position();
        }
        return node;
    }

    /** Every operand of a parsed tsquery replaced by its normalized lexemes. */
    public static Node normalize(Configuration config, PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> morph(config, o.word(), PgTsQuery.Op.PHRASE, o.weights(), o.prefix());
            case PgTsQuery.Not x -> new Not(normalize(config, x.arg()));
            case PgTsQuery.Binary b -> new Bin(b.op(), b.distance(), normalize(config, b.left()),
                    normalize(config, b.right()));
        };
    }

    public static boolean hasStop(Node n) {
        return switch (n) {
            case Stop s -> true;
            case Val v -> false;
            case Not x -> hasStop(x.arg());
            case Bin b -> hasStop(b.left()) || hasStop(b.right());
        };
    }

    /** clean_stopwords_intree; null when nothing is left. adds[0]/adds[1]: distance to add on the left/right. */
    private static Node clean(Node node, int[] adds) {
        adds[0] = 0;
        adds[1] = 0;
        switch (node) {
            case Val v -> {
                return v;
            }
            case Stop s -> {
                return null;
            }
            case Not x -> {
                Node arg = clean(x.arg(), adds);
                return arg == null ? null : new Not(arg);
            }
            case Bin b -> {
                int[] l = new int[2];
                int[] r = new int[2];
                Node left = clean(b.left(), l);
                Node right = clean(b.right(), r);
                boolean phrase = b.op() == PgTsQuery.Op.PHRASE;
                int d = phrase ? b.distance() : 0;
                if (left == null && right == null) {
                    if (phrase) {
                        adds[0] = adds[1] = l[0] + d + r[1];
                    }
                    return null;
                }
                if (left == null) {
                    if (phrase) {
                        adds[0] = l[0] + d + r[0];
                        adds[1] = r[1];
                    } else {
                        adds[0] = r[0];
                        adds[1] = r[1];
                    }
                    return right;
                }
                if (right == null) {
                    if (phrase) {
                        adds[0] = l[0];
                        adds[1] = l[1] + d + r[1];
                    } else {
                        adds[0] = l[0];
                        adds[1] = l[1];
                    }
                    return left;
                }
                if (phrase) {
                    adds[0] = l[0];
                    adds[1] = r[1];
                    return new Bin(b.op(), b.distance() + l[1] + r[0], left, right);
                }
                return new Bin(b.op(), b.distance(), left, right);
            }
        }
    }

    /** The final query: placeholders removed; an empty query when nothing is left. */
    public static PgTsQuery finish(Node node) {
        if (node == null) {
            return new PgTsQuery(null);
        }
        Node cleaned = clean(node, new int[2]);
        return new PgTsQuery(cleaned == null ? null : convert(cleaned));
    }

    private static PgTsQuery.Node convert(Node n) {
        return switch (n) {
            case Val v -> new PgTsQuery.Operand(v.word(), v.weights(), v.prefix());
            case Not x -> new PgTsQuery.Not(convert(x.arg()));
            case Bin b -> new PgTsQuery.Binary(b.op(), Math.min(b.distance(), 16384), convert(b.left()),
                    convert(b.right()));
            case Stop s -> throw new IllegalStateException("stop word placeholder left in a query");
        };
    }
}
