package org.lakepg.server.textsearch;

import java.util.Map;
import java.util.Set;

/**
 * The Snowball English ("Porter2") stemmer that PostgreSQL's english_stem dictionary runs,
 * written from the algorithm's description (snowballstem.org/algorithms/english): regions R1 and
 * R2, steps 0 to 5 and the exceptional forms. Input is a lower-cased word.
 */
public final class EnglishStemmer {
    private EnglishStemmer() {}

    private static final Map<String, String> EXCEPTION1 = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"), Map.entry("dying", "die"),
            Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("idly", "idl"),
            Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"), Map.entry("early", "earli"),
            Map.entry("only", "onli"), Map.entry("singly", "singl"), Map.entry("sky", "sky"),
            Map.entry("news", "news"), Map.entry("howe", "howe"), Map.entry("atlas", "atlas"),
            Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"), Map.entry("andes", "andes"));

    private static final Set<String> EXCEPTION2 = Set.of("inning", "outing", "canning", "herring", "earring",
            "proceed", "exceed", "succeed");

    private static final String[][] STEP2 = {
            {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
            {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"}, {"entli", "ent"}, {"ation", "ate"},
            {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"},
            {"enci", "ence"}, {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"},
            {"alli", "al"}, {"bli", "ble"}, {"ogi", "og"}, {"li", ""}};

    private static final String[][] STEP3 = {
            {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"},
            {"ative", ""}, {"ical", "ic"}, {"ness", ""}, {"ful", ""}};

    private static final String[] STEP4 = {"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism",
            "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"};

    public static String stem(String word) {
        String exception = EXCEPTION1.get(word);
        if (exception != null) {
            return exception;
        }
        if (word.codePointCount(0, word.length()) < 3) {
            return word;
        }
        StringBuilder w = new StringBuilder(word);
        if (w.charAt(0) == '\'') {
            w.deleteCharAt(0);
        }
        boolean yFound = false;
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) == 'y' && (i == 0 || isVowel(w.charAt(i - 1)))) {
                w.setCharAt(i, 'Y');
                yFound = true;
            }
        }
        int[] regions = regions(w);
        int p1 = regions[0];
        int p2 = regions[1];
        step1a(w);
        if (!EXCEPTION2.contains(w.toString())) {
            step1b(w, p1);
            step1c(w);
            step2(w, p1);
            step3(w, p1, p2);
            step4(w, p2);
            step5(w, p1, p2);
        }
        String out = w.toString();
        return yFound ? out.replace('Y', 'y') : out;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** R1: after the first non-vowel following a vowel (or after gener/commun/arsen); R2 the same inside R1. */
    private static int[] regions(CharSequence w) {
        int len = w.length();
        int p1 = len;
        int p2 = len;
        String s = w.toString();
        int start;
        if (s.startsWith("gener") || s.startsWith("arsen")) {
            start = 5;
        } else if (s.startsWith("commun")) {
            start = 6;
        } else {
            start = afterVowelConsonant(w, 0);
        }
        if (start >= 0) {
            p1 = start;
            int r2 = afterVowelConsonant(w, p1);
            if (r2 >= 0) {
                p2 = r2;
            }
        }
        return new int[] {p1, p2};
    }

    /** gopast v gopast non-v from i: the index after them, -1 when there are none. */
    private static int afterVowelConsonant(CharSequence w, int i) {
        int n = w.length();
        while (i < n && !isVowel(w.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        i++;
        while (i < n && isVowel(w.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        return i + 1;
    }

    private static boolean ends(CharSequence w, String suffix) {
        int n = w.length();
        int k = suffix.length();
        if (k > n) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (w.charAt(n - k + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void replaceEnd(StringBuilder w, int suffixLength, String with) {
        w.setLength(w.length() - suffixLength);
        w.append(with);
    }

    private static boolean hasVowel(CharSequence w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isVowel(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void step1a(StringBuilder w) {
        if (ends(w, "'s'")) {
            w.setLength(w.length() - 3);
        } else if (ends(w, "'s")) {
            w.setLength(w.length() - 2);
        } else if (ends(w, "'")) {
            w.setLength(w.length() - 1);
        }
        if (ends(w, "sses")) {
            replaceEnd(w, 4, "ss");
        } else if (ends(w, "ied") || ends(w, "ies")) {
            replaceEnd(w, 3, w.length() - 3 >= 2 ? "i" : "ie");
        } else if (ends(w, "us") || ends(w, "ss")) {
            return;
        } else if (ends(w, "s")) {
            // delete when a vowel comes before the letter preceding the s
            if (w.length() >= 3 && hasVowel(w, 0, w.length() - 2)) {
                w.setLength(w.length() - 1);
            }
        }
    }

    private static void step1b(StringBuilder w, int p1) {
        String[] eed = {"eedly", "eed"};
        for (String s : eed) {
            if (ends(w, s)) {
                if (w.length() - s.length() >= p1) {
                    replaceEnd(w, s.length(), "ee");
                }
                return;
            }
        }
        String[] ed = {"ingly", "edly", "ing", "ed"};
        for (String s : ed) {
            if (ends(w, s)) {
                int stemEnd = w.length() - s.length();
                if (!hasVowel(w, 0, stemEnd)) {
                    return;
                }
                w.setLength(stemEnd);
                if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
                    w.append('e');
                } else if (endsDouble(w)) {
                    w.setLength(w.length() - 1);
                } else if (w.length() == p1 && shortSyllableAtEnd(w, w.length())) {
                    w.append('e');
                }
                return;
            }
        }
    }

    private static boolean endsDouble(CharSequence w) {
        for (String d : new String[] {"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"}) {
            if (ends(w, d)) {
                return true;
            }
        }
        return false;
    }

    /** shortv before position end: non-v, v, then a last letter that is no vowel nor w, x, Y; or v non-v at the start. */
    private static boolean shortSyllableAtEnd(CharSequence w, int end) {
        if (end >= 3) {
            char a = w.charAt(end - 3);
            char b = w.charAt(end - 2);
            char c = w.charAt(end - 1);
            if (!isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y') {
                return true;
            }
        }
        if (end >= 2) {
            return end == 2 && isVowel(w.charAt(0)) && !isVowel(w.charAt(1));
        }
        return false;
    }

    private static void step1c(StringBuilder w) {
        int n = w.length();
        char last = w.charAt(n - 1);
        if ((last == 'y' || last == 'Y') && n > 2 && !isVowel(w.charAt(n - 2))) {
            w.setCharAt(n - 1, 'i');
        }
    }

    private static void step2(StringBuilder w, int p1) {
        for (String[] rule : STEP2) {
            if (ends(w, rule[0])) {
                int start = w.length() - rule[0].length();
                if (start < p1) {
                    return;
                }
                switch (rule[0]) {
                    case "ogi" -> {
                        if (start > 0 && w.charAt(start - 1) == 'l') {
                            replaceEnd(w, 3, "og");
                        }
                    }
                    case "li" -> {
                        if (start > 0 && "cdeghkmnrt".indexOf(w.charAt(start - 1)) >= 0) {
                            w.setLength(start);
                        }
                    }
                    default -> replaceEnd(w, rule[0].length(), rule[1]);
                }
                return;
            }
        }
    }

    private static void step3(StringBuilder w, int p1, int p2) {
        for (String[] rule : STEP3) {
            if (ends(w, rule[0])) {
                int start = w.length() - rule[0].length();
                if (start < p1) {
                    return;
                }
                if (rule[0].equals("ative")) {
                    if (start >= p2) {
                        w.setLength(start);
                    }
                } else {
                    replaceEnd(w, rule[0].length(), rule[1]);
                }
                return;
            }
        }
    }

    private static void step4(StringBuilder w, int p2) {
        for (String s : STEP4) {
            if (ends(w, s)) {
                int start = w.length() - s.length();
                if (start < p2) {
                    return;
                }
                if (s.equals("ion")) {
                    if (start > 0 && (w.charAt(start - 1) == 's' || w.charAt(start - 1) == 't')) {
                        w.setLength(start);
                    }
                } else {
                    w.setLength(start);
                }
                return;
            }
        }
    }

    private static void step5(StringBuilder w, int p1, int p2) {
        int n = w.length();
        if (n == 0) {
            return;
        }
        char last = w.charAt(n - 1);
        int start = n - 1;
        if (last == 'e') {
            if (start >= p2 || (start >= p1 && !shortSyllableAtEnd(w, start))) {
                w.setLength(start);
            }
        } else if (last == 'l') {
            if (start >= p2 && start > 0 && w.charAt(start - 1) == 'l') {
                w.setLength(start);
            }
        }
    }
}
