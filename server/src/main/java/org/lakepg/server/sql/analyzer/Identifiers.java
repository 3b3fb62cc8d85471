package org.lakepg.server.sql.analyzer;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/** quote_ident's rule: quote unless the name is a plain lower-case identifier and not a reserved-ish keyword. */
public final class Identifiers {
    private Identifiers() {}

    private static final Map<String, Character> KEYWORD_CATEGORY = load();

    private static Map<String, Character> load() {
        Map<String, Character> out = new HashMap<>();
        for (CsvTable.Row r : CsvTable.load("pg_get_keywords").asRows()) {
            out.put(r.get("word"), r.getChar("catcode"));
        }
        return out;
    }

    /** The keyword category ('U' unreserved, 'C' column name, 'T' type/function name, 'R' reserved), or 0. */
    public static char keywordCategory(String word) {
        Character c = KEYWORD_CATEGORY.get(word);
        return c == null ? 0 : c;
    }

    public static String quoteIfNeeded(String name) {
        boolean safe = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) && name.charAt(0) < 128
                || name.charAt(0) == '_');
        for (int i = 0; safe && i < name.length(); i++) {
            char c = name.charAt(i);
            safe = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        if (safe) {
            char category = keywordCategory(name);
            safe = category == 0 || category == 'U';
        }
        if (safe) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
