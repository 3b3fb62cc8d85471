package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The texts of CREATE SCHEMA's embedded statements (CREATE TABLE/VIEW/INDEX/SEQUENCE/TRIGGER, GRANT), cut
 * from the statement at the top-level CREATE and GRANT keywords after the first: a view made there keeps
 * its own statement, as any view does.
 */
final class SchemaElements {
    private SchemaElements() {}

    /** The element texts, or null when they cannot be told apart from the text. */
    static List<String> texts(String createSchema, int count) {
        List<Integer> starts = new ArrayList<>();
        String lower = createSchema.toLowerCase(Locale.ROOT);
        int depth = 0;
        int i = 0;
        while (i < createSchema.length()) {
            char c = createSchema.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < createSchema.length() && createSchema.charAt(j) != c) {
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (c == '-' && lower.startsWith("--", i)) {
                int eol = createSchema.indexOf('\n', i);
                i = eol < 0 ? createSchema.length() : eol;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (word(lower, i, "create") || word(lower, i, "grant"))) {
                starts.add(i);
            }
            i++;
        }
        if (starts.size() != count + 1) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int k = 1; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : createSchema.length();
            out.add(createSchema.substring(starts.get(k), end).strip());
        }
        return out;
    }

    private static boolean word(String text, int at, String word) {
        return text.startsWith(word, at) && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                && text.charAt(at - 1) != '_') && (at + word.length() >= text.length()
                || !Character.isLetterOrDigit(text.charAt(at + word.length())) && text.charAt(at + word.length()) != '_');
    }
}
