package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a search_path value into schema names the way PostgreSQL's SplitIdentifierString does. */
public final class SearchPathText {
    private SearchPathText() {}

    /** Names in order; quoted names keep their case, unquoted ones are folded to lower case. */
    public static List<String> parse(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder name = new StringBuilder();
            if (value.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < n && value.charAt(i) == '"') {
                            name.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (i < n && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    name.append(value.charAt(i++));
                }
                name = new StringBuilder(name.toString().toLowerCase(Locale.ROOT));
            }
            while (i < n && value.charAt(i) != ',') {
                i++;
            }
            out.add(name.toString());
        }
        return out;
    }
}
