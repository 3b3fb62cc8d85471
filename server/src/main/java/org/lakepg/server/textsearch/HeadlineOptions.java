package org.lakepg.server.textsearch;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * deserialize_deflist: ts_headline's option string "Name = value, Name = 'value' ..." as
 * name/value pairs; values may be quoted with single or double quotes (doubled to escape).
 */
final class HeadlineOptions {
    private HeadlineOptions() {}

    static List<String[]> parse(String s) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
                i++;
            }
            String key = s.substring(start, i);
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                throw PgException.of(SqlState.SYNTAX_ERROR, "invalid parameter list format: \"%s\"", s);
            }
            i++;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                char quote = s.charAt(i++);
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == quote) {
                        if (i + 1 < n && s.charAt(i + 1) == quote) {
                            value.append(quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
            } else {
                while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                    value.append(s.charAt(i++));
                }
            }
            out.add(new String[] {key, value.toString()});
        }
    }
}
