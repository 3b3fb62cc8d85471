package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;
import org.lakepg.wire.types.RegconfigType;
import org.lakepg.wire.types.TsText;

/**
 * to_tsvector, to_tsquery, plainto_tsquery and phraseto_tsquery with the "simple" configuration,
 * for text of ASCII letters, digits and white space: there PostgreSQL's default parser yields one
 * word per run of letters and digits and the simple dictionary lower-cases it. Other text needs the
 * full parser (hyphenated words, numbers with points, URLs ...), which lakepg does not have yet.
 */
public final class TextSearchSimpleConfig {
    private TextSearchSimpleConfig() {}

    public static void register(FunctionRegistry r) {
        r.register("to_tsvector_byid", (x, c) -> toTsvector(((Number) x[0]).longValue(), (String) x[1]));
        r.register("to_tsquery_byid", (x, c) -> toTsquery(((Number) x[0]).longValue(), (String) x[1]));
        r.register("plainto_tsquery_byid", (x, c) -> joined(((Number) x[0]).longValue(), (String) x[1], PgTsQuery.Op.AND));
        r.register("phraseto_tsquery_byid", (x, c) -> joined(((Number) x[0]).longValue(), (String) x[1], PgTsQuery.Op.PHRASE));
    }

    private static List<String> words(long config, String text) {
        if (config != RegconfigType.SIMPLE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "text search configuration %d is not supported yet", config);
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "the text search parser for \"%s\" is not supported yet", text);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static PgTsVector toTsvector(long config, String text) {
        TreeMap<String, List<Integer>> lexemes = new TreeMap<>(PgTsVector::compareWords);
        List<String> words = words(config, text);
        for (int i = 0; i < words.size(); i++) {
            lexemes.computeIfAbsent(words.get(i), w -> new ArrayList<>()).add(PgTsVector.pack(Math.min(i + 1, 16383), 0));
        }
        return new PgTsVector(lexemes.entrySet().stream()
                .map(e -> new PgTsVector.Lexeme(e.getKey(), TsText.uniquePositions(e.getValue()))).toList());
    }

    /** to_tsquery: the query syntax, each operand normalized by the configuration (lower-cased). */
    private static PgTsQuery toTsquery(long config, String text) {
        PgTsQuery query = TsText.parseQuery(text);
        return query.root() == null ? query : new PgTsQuery(normalize(config, query.root()));
    }

    private static PgTsQuery.Node normalize(long config, PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> {
                List<String> words = words(config, o.word());
                if (words.size() != 1) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "tsquery operand \"%s\" is not supported yet", o.word());
                }
                yield new PgTsQuery.Operand(words.get(0), o.weights(), o.prefix());
            }
            case PgTsQuery.Not x -> new PgTsQuery.Not(normalize(config, x.arg()));
            case PgTsQuery.Binary b -> new PgTsQuery.Binary(b.op(), b.distance(), normalize(config, b.left()),
                    normalize(config, b.right()));
        };
    }

    /** plainto_tsquery (&) and phraseto_tsquery (<->) of the text's words, left to right. */
    private static PgTsQuery joined(long config, String text, PgTsQuery.Op op) {
        PgTsQuery.Node root = null;
        for (String w : words(config, text)) {
            PgTsQuery.Node operand = new PgTsQuery.Operand(w, 0, false);
            root = root == null ? operand : new PgTsQuery.Binary(op, op == PgTsQuery.Op.PHRASE ? 1 : 0, root, operand);
        }
        return new PgTsQuery(root);
    }
}
