package org.lakepg.server.textsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A built-in text search dictionary: "simple" (lower-cases every token) and "english_stem"
 * (lower-cases, drops English stop words, stems the rest with {@link EnglishStemmer}).
 */
public enum Dictionary {
    SIMPLE(3765, "simple", "simple dictionary: just lower case and check for stopword"),
    ENGLISH_STEM(13163, "english_stem", "snowball stemmer for english language");

    private final long oid;
    private final String dictName;
    private final String description;

    Dictionary(long oid, String name, String description) {
        this.oid = oid;
        this.dictName = name;
        this.description = description;
    }

    public long oid() {
        return oid;
    }

    public String dictName() {
        return dictName;
    }

    public String description() {
        return description;
    }

    /** The lexemes of a token: empty for a stop word. */
    public List<String> lexize(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return switch (this) {
            case SIMPLE -> lower.isEmpty() ? List.of() : List.of(lower);
            case ENGLISH_STEM -> lower.isEmpty() || EnglishStopWords.WORDS.contains(lower) ? List.of()
                    : List.of(EnglishStemmer.stem(lower));
        };
    }

    public static Dictionary byOid(long oid) {
        for (Dictionary d : values()) {
            if (d.oid == oid) {
                return d;
            }
        }
        return null;
    }

    public static Dictionary byName(String name) {
        for (Dictionary d : values()) {
            if (d.dictName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * PostgreSQL's english.stop: the English stop word list of the Snowball project (BSD licence,
     * snowballstem.org), as PostgreSQL ships it in share/tsearch_data.
     */
    private static final class EnglishStopWords {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>();
            try (var in = Dictionary.class.getResourceAsStream("english.stop");
                 var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String w = line.strip().toLowerCase(Locale.ROOT);
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
