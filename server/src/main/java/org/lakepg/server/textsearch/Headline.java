package org.lakepg.server.textsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.lakepg.server.function.scalar.TextSearchMatch;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;
import org.lakepg.wire.types.TsText;

/**
 * ts_headline with the default parser (hlparsetext, prsd_headline, generateHeadline): the
 * document's tokens, the query's words among them marked, the best covering stretch of words
 * chosen (or fragments of it, with MaxFragments) and printed with StartSel/StopSel around matches.
 */
public final class Headline {
    private Headline() {}

    /** One token of the document; item is the index of the query operand it matches, -1 for none. */
    private static final class HWord {
        final int type;
        final String text;
        String lexeme;
        int pos;
        int item = -1;
        boolean repeated;
        boolean selected;
        boolean in;
        boolean replace;
        boolean skip;

        HWord(int type, String text) {
            this.type = type;
            this.text = text;
        }

        HWord copy() {
            HWord w = new HWord(type, text);
            w.lexeme = lexeme;
            w.pos = pos;
            return w;
        }
    }

    /** Parsed ts_headline options. */
    public record Options(int minWords, int maxWords, int shortWord, int maxFragments, boolean highlightAll,
                          String startSel, String stopSel, String fragmentDelimiter) {

        public static Options parse(String text) {
            int minWords = 15;
            int maxWords = 35;
            int shortWord = 3;
            int maxFragments = 0;
            boolean highlightAll = false;
            String startSel = "<b>";
            String stopSel = "</b>";
            String delimiter = " ... ";
            for (String[] kv : HeadlineOptions.parse(text == null ? "" : text)) {
                String key = kv[0].toLowerCase(Locale.ROOT);
                String val = kv[1];
                switch (key) {
                    case "maxwords" -> maxWords = integer(val);
                    case "minwords" -> minWords = integer(val);
                    case "shortword" -> shortWord = integer(val);
                    case "maxfragments" -> maxFragments = integer(val);
                    case "startsel" -> startSel = val;
                    case "stopsel" -> stopSel = val;
                    case "fragmentdelimiter" -> delimiter = val;
                    case "highlightall" -> highlightAll = switch (val.toLowerCase(Locale.ROOT)) {
                        case "1", "on", "true", "t", "y", "yes" -> true;
                        default -> false;
                    };
                    default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "unrecognized headline parameter: \"%s\"", kv[0]);
                }
            }
            if (!highlightAll) {
                if (minWords >= maxWords) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s should be less than %s", "MinWords",
                            "MaxWords");
                }
                if (minWords <= 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s should be positive", "MinWords");
                }
                if (shortWord < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s should be >= 0", "ShortWord");
                }
                if (maxFragments < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s should be >= 0", "MaxFragments");
                }
            }
            checkLength("StartSel", startSel);
            checkLength("StopSel", stopSel);
            checkLength("FragmentDelimiter", delimiter);
            return new Options(minWords, maxWords, shortWord, maxFragments, highlightAll, startSel, stopSel,
                    delimiter);
        }

        /** PostgreSQL keeps these lengths in 16 bits. */
        private static void checkLength(String name, String value) {
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Short.MAX_VALUE) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "value for \"%s\" is too long", name);
            }
        }

        private static int integer(String v) {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid input syntax for type %s: \"%s\"", "integer", v);
            }
        }
    }

    public static String headline(Configuration config, String text, PgTsQuery query, Options options) {
        List<PgTsQuery.Operand> operands = new ArrayList<>();
        if (query.root() != null) {
            collect(query.root(), operands);
        }
        List<HWord> words = parse(config, text, operands);
        if (options.maxFragments() == 0) {
            markWords(words, query, options);
        } else {
            markFragments(words, query, options);
        }
        return generate(words, options);
    }

    private static void collect(PgTsQuery.Node n, List<PgTsQuery.Operand> out) {
        switch (n) {
            case PgTsQuery.Operand o -> out.add(o);
            case PgTsQuery.Not x -> collect(x.arg(), out);
            case PgTsQuery.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
        }
    }

    /** hlparsetext: every token, with the lexeme position and the query operand it matches. */
    private static List<HWord> parse(Configuration config, String text, List<PgTsQuery.Operand> operands) {
        List<HWord> words = new ArrayList<>();
        int vectorPos = 0;
        for (DefaultParser.Token t : DefaultParser.parse(text)) {
            HWord w = new HWord(t.type(), t.text());
            words.add(w);
            Dictionary d = config.dictionary(t.type());
            if (d == null || Documents.tooLong(t.text())) {
                continue;
            }
            vectorPos++;
            for (String lexeme : d.lexize(t.text())) {
                w.pos = Math.min(vectorPos, 16383);
                w.lexeme = lexeme;
                for (int i = 0; i < operands.size(); i++) {
                    PgTsQuery.Operand o = operands.get(i);
                    boolean match = o.prefix() ? lexeme.startsWith(o.word()) : lexeme.equals(o.word());
                    if (!match) {
                        continue;
                    }
                    if (w.item >= 0) {
                        HWord dup = w.copy();
                        dup.item = i;
                        dup.repeated = true;
                        words.add(dup);
                    } else {
                        w.item = i;
                    }
                }
            }
        }
        return words;
    }

    private static boolean nonWord(int type) {
        return type == TokenTypes.SPACE || type == TokenTypes.TAG || hlSkip(type);
    }

    private static boolean hlSkip(int type) {
        return type == TokenTypes.URL || type == TokenTypes.NUMHWORD || type == TokenTypes.ASCIIHWORD
                || type == TokenTypes.HWORD;
    }

    private static boolean noEnd(int type) {
        return nonWord(type) || type == TokenTypes.SCIENTIFIC || type == TokenTypes.VERSION
                || type == TokenTypes.DECIMAL || type == TokenTypes.SIGNEDINT || type == TokenTypes.UNSIGNEDINT
                || type == TokenTypes.PROTOCOL || type == TokenTypes.XMLENTITY;
    }

    private static boolean interesting(HWord w) {
        return w.item >= 0 && !w.repeated;
    }

    private static boolean badEnd(HWord w, int shortWord) {
        return (noEnd(w.type) || w.text.codePointCount(0, w.text.length()) <= shortWord) && !interesting(w);
    }

    /** Does the query match the words from b to e (their lexemes at their positions)? */
    private static boolean satisfies(List<HWord> words, int b, int e, PgTsQuery query) {
        return TextSearchMatch.matches(vector(words, b, e), stripWeights(query));
    }

    private static PgTsVector vector(List<HWord> words, int b, int e) {
        TreeMap<String, List<Integer>> lexemes = new TreeMap<>(PgTsVector::compareWords);
        for (int i = b; i <= e; i++) {
            HWord w = words.get(i);
            if (w.item >= 0) {
                lexemes.computeIfAbsent(w.lexeme, k -> new ArrayList<>()).add(w.pos);
            }
        }
        return new PgTsVector(lexemes.entrySet().stream()
                .map(x -> new PgTsVector.Lexeme(x.getKey(), TsText.uniquePositions(x.getValue()))).toList());
    }

    private static PgTsQuery stripWeights(PgTsQuery q) {
        return new PgTsQuery(strip(q.root()));
    }

    private static PgTsQuery.Node strip(PgTsQuery.Node n) {
        return switch (n) {
            case PgTsQuery.Operand o -> new PgTsQuery.Operand(o.word(), 0, o.prefix());
            case PgTsQuery.Not x -> new PgTsQuery.Not(strip(x.arg()));
            case PgTsQuery.Binary b -> new PgTsQuery.Binary(b.op(), b.distance(), strip(b.left()), strip(b.right()));
        };
    }

    /**
     * hlCover as PostgreSQL 15 has it: from word index next[0] on, the earliest and then shortest range of
     * words, both ends query words and at most maxCover words long, that satisfies the query.
     */
    private static int[] cover(List<HWord> words, PgTsQuery query, int maxCover, int[] next) {
        if (query.root() == null) {
            return null;
        }
        for (int pmin = next[0]; pmin < words.size(); pmin++) {
            if (words.get(pmin).item < 0) {
                continue;
            }
            for (int pmax = pmin; pmax < words.size() && pmax - pmin < maxCover; pmax++) {
                if (words.get(pmax).item >= 0 && satisfies(words, pmin, pmax, query)) {
                    next[0] = pmin + 1;
                    return new int[] {pmin, pmax};
                }
            }
        }
        return null;
    }

    private static void markFragment(List<HWord> words, boolean highlightAll, int start, int end) {
        for (int i = start; i <= end; i++) {
            HWord w = words.get(i);
            if (w.item >= 0) {
                w.selected = true;
            }
            if (!highlightAll) {
                if (w.type == TokenTypes.TAG) {
                    w.replace = true;
                } else if (hlSkip(w.type)) {
                    w.skip = true;
                }
            } else if (hlSkip(w.type)) {
                w.skip = true;
            }
            w.in = !w.repeated;
        }
    }

    private static void markWords(List<HWord> words, PgTsQuery query, Options o) {
        int bestb = -1;
        int beste = -1;
        int bestlen = -1;
        boolean bestcover = false;
        int shortWord = o.shortWord();
        if (!o.highlightAll()) {
            int maxCover = Math.max(o.maxWords() * 10, 100);
            int[] next = {0};
            int[] c;
            while ((c = cover(words, query, maxCover, next)) != null) {
                int p = c[0];
                int q = c[1];
                int curlen = 0;
                int poslen = 0;
                int posb = p;
                int pose = p;
                int i;
                for (i = p; i <= q && curlen < o.maxWords(); i++) {
                    if (!nonWord(words.get(i).type)) {
                        curlen++;
                    }
                    if (interesting(words.get(i))) {
                        poslen++;
                    }
                    pose = i;
                }
                if (curlen < o.maxWords()) {
                    for (i = i - 1; i < words.size() && curlen < o.maxWords(); i++) {
                        if (i > q) {
                            if (!nonWord(words.get(i).type)) {
                                curlen++;
                            }
                            if (interesting(words.get(i))) {
                                poslen++;
                            }
                        }
                        pose = i;
                        if (badEnd(words.get(i), shortWord)) {
                            continue;
                        }
                        if (curlen >= o.minWords()) {
                            break;
                        }
                    }
                    if (curlen < o.minWords()) {
                        for (i = p - 1; i >= 0; i--) {
                            if (!nonWord(words.get(i).type)) {
                                curlen++;
                            }
                            if (interesting(words.get(i))) {
                                poslen++;
                            }
                            if (curlen >= o.maxWords()) {
                                break;
                            }
                            if (badEnd(words.get(i), shortWord)) {
                                continue;
                            }
                            if (curlen >= o.minWords()) {
                                break;
                            }
                        }
                        posb = Math.max(i, 0);
                    }
                } else {
                    if (i > q) {
                        i = q;
                    }
                    for (; curlen > o.minWords(); i--) {
                        if (!badEnd(words.get(i), shortWord)) {
                            break;
                        }
                        if (!nonWord(words.get(i).type)) {
                            curlen--;
                        }
                        if (interesting(words.get(i))) {
                            poslen--;
                        }
                        pose = i - 1;
                    }
                }
                boolean poscover = posb <= p && pose >= q;
                if ((poscover && !bestcover) || (poscover == bestcover && poslen > bestlen)
                        || (poscover == bestcover && poslen == bestlen && !badEnd(words.get(pose), shortWord)
                        && beste >= 0 && badEnd(words.get(beste), shortWord))) {
                    bestb = posb;
                    beste = pose;
                    bestlen = poslen;
                    bestcover = poscover;
                }
            }
            if (bestlen < 0) {
                int curlen = 0;
                int pose = -1;
                for (int i = 0; i < words.size() && curlen < o.minWords(); i++) {
                    if (!nonWord(words.get(i).type)) {
                        curlen++;
                    }
                    pose = i;
                }
                bestb = 0;
                beste = pose;
            }
        } else {
            bestb = 0;
            beste = words.size() - 1;
        }
        markFragment(words, o.highlightAll(), bestb, beste);
    }

    private static final class Cover {
        int start;
        int end;
        int poslen;
        int curlen;
        boolean chosen;
        boolean excluded;
    }

    private static void markFragments(List<HWord> words, PgTsQuery query, Options o) {
        List<Cover> covers = new ArrayList<>();
        int maxCover = Math.max(o.maxWords() * 10, 100);
        int[] next = {0};
        int[] c;
        int shortWord = o.shortWord();
        while ((c = cover(words, query, maxCover, next)) != null) {
            int start = c[0];
            int end = c[1];
            int q = c[1];
            while (start <= end) {
                // get_next_fragment: begin at a query word, at most MaxWords words, end at a query word
                for (int i = start; i <= end; i++) {
                    start = i;
                    if (interesting(words.get(i))) {
                        break;
                    }
                }
                int curlen = 0;
                int poslen = 0;
                int i;
                for (i = start; i <= end && curlen < o.maxWords(); i++) {
                    if (!nonWord(words.get(i).type)) {
                        curlen++;
                    }
                    if (interesting(words.get(i))) {
                        poslen++;
                    }
                }
                if (end > i) {
                    end = i;
                    for (i = end; i >= start; i--) {
                        end = i;
                        if (interesting(words.get(i))) {
                            break;
                        }
                        if (!nonWord(words.get(i).type)) {
                            curlen--;
                        }
                    }
                }
                Cover cv = new Cover();
                cv.start = start;
                cv.end = end;
                cv.curlen = curlen;
                cv.poslen = poslen;
                covers.add(cv);
                start = end + 1;
                end = q;
            }
        }
        int numFragments = 0;
        for (int f = 0; f < o.maxFragments(); f++) {
            int maxitems = 0;
            int minwords = Integer.MAX_VALUE;
            int minI = -1;
            for (int i = 0; i < covers.size(); i++) {
                Cover cv = covers.get(i);
                if (!cv.chosen && !cv.excluded && (maxitems < cv.poslen
                        || (maxitems == cv.poslen && minwords > cv.curlen))) {
                    maxitems = cv.poslen;
                    minwords = cv.curlen;
                    minI = i;
                }
            }
            if (minI < 0) {
                break;
            }
            Cover chosen = covers.get(minI);
            chosen.chosen = true;
            int start = chosen.start;
            int end = chosen.end;
            int curlen = chosen.curlen;
            if (curlen < o.maxWords()) {
                int maxstretch = (o.maxWords() - curlen) / 2;
                int stretch = 0;
                int posmarker = start;
                int i;
                for (i = start - 1; i >= 0 && stretch < maxstretch && !words.get(i).in; i--) {
                    if (!nonWord(words.get(i).type)) {
                        curlen++;
                        stretch++;
                    }
                    posmarker = i;
                }
                for (i = posmarker; i < start && badEnd(words.get(i), shortWord); i++) {
                    if (!nonWord(words.get(i).type)) {
                        curlen--;
                    }
                }
                start = i;
                posmarker = end;
                for (i = end + 1; i < words.size() && curlen < o.maxWords() && !words.get(i).in; i++) {
                    if (!nonWord(words.get(i).type)) {
                        curlen++;
                    }
                    posmarker = i;
                }
                for (i = posmarker; i > end && badEnd(words.get(i), shortWord); i--) {
                    if (!nonWord(words.get(i).type)) {
                        curlen--;
                    }
                }
                end = i;
            }
            chosen.start = start;
            chosen.end = end;
            chosen.curlen = curlen;
            markFragment(words, o.highlightAll(), start, end);
            numFragments++;
            for (int i = 0; i < covers.size(); i++) {
                Cover cv = covers.get(i);
                if (i != minI && ((cv.start >= start && cv.start <= end) || (cv.end >= start && cv.end <= end)
                        || (cv.start < start && cv.end > end))) {
                    cv.excluded = true;
                }
            }
        }
        if (numFragments <= 0) {
            int curlen = 0;
            int end = -1;
            for (int i = 0; i < words.size() && curlen < o.minWords(); i++) {
                if (!nonWord(words.get(i).type)) {
                    curlen++;
                }
                end = i;
            }
            markFragment(words, o.highlightAll(), 0, end);
        }
    }

    private static String generate(List<HWord> words, Options o) {
        StringBuilder out = new StringBuilder();
        boolean inFragment = false;
        int fragments = 0;
        for (HWord w : words) {
            if (w.in && !w.repeated) {
                if (!inFragment) {
                    inFragment = true;
                    fragments++;
                    if (fragments > 1) {
                        out.append(o.fragmentDelimiter());
                    }
                }
                if (w.replace) {
                    out.append(' ');
                } else if (!w.skip) {
                    if (w.selected) {
                        out.append(o.startSel());
                    }
                    out.append(w.text);
                    if (w.selected) {
                        out.append(o.stopSel());
                    }
                }
            } else if (!w.repeated) {
                inFragment = false;
            }
        }
        return out.toString();
    }
}
