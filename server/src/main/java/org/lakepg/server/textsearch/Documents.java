package org.lakepg.server.textsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lakepg.wire.types.PgTsVector;
import org.lakepg.wire.types.TsText;

/**
 * parsetext and make_tsvector: a document's tokens run through the configuration's dictionaries,
 * each token that a dictionary handles taking the next position (stop words too, they only give
 * no lexeme), and the lexemes collected into a tsvector.
 */
public final class Documents {
    private Documents() {}

    /** Longer tokens are skipped, as PostgreSQL's MAXSTRLEN (in bytes) skips them. */
    private static final int MAX_WORD_BYTES = 2047;
    private static final int MAX_POS = 16383;

    /** A lexeme at a position (1-based, not yet capped). */
    public record Word(String lexeme, int position) {
    }

    /** The words of a text; positions continue from {@code startPosition}. */
    public static List<Word> words(Configuration config, String text, int startPosition) {
        List<Word> out = new ArrayList<>();
        parse(config, text, startPosition, out);
        return out;
    }

    /** Adds the text's words to out; returns the last position used (stop words use positions too). */
    public static int parse(Configuration config, String text, int startPosition, List<Word> out) {
        int pos = startPosition;
        for (DefaultParser.Token t : DefaultParser.parse(text)) {
            Dictionary d = config.dictionary(t.type());
            if (d == null || tooLong(t.text())) {
                continue;
            }
            pos++;
            for (String lexeme : d.lexize(t.text())) {
                out.add(new Word(lexeme, pos));
            }
        }
        return pos;
    }

    static boolean tooLong(String token) {
        return token.length() >= MAX_WORD_BYTES / 4
                && token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= MAX_WORD_BYTES;
    }

    public static PgTsVector toVector(List<Word> words) {
        TreeMap<String, List<Integer>> lexemes = new TreeMap<>(PgTsVector::compareWords);
        for (Word w : words) {
            lexemes.computeIfAbsent(w.lexeme(), k -> new ArrayList<>())
                    .add(PgTsVector.pack(Math.min(w.position(), MAX_POS), 0));
        }
        return new PgTsVector(lexemes.entrySet().stream()
                .map(e -> new PgTsVector.Lexeme(e.getKey(), TsText.uniquePositions(e.getValue()))).toList());
    }

    public static PgTsVector toVector(Configuration config, String text) {
        return toVector(words(config, text, 0));
    }
}
