package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Splits a possibly qualified, possibly quoted name ("Sch"."t", public.t) as stringToQualifiedNameList does. */
final class QualifiedNames {
    private QualifiedNames() {}

    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder name = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            name.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
                if (!closed || name.isEmpty()) {
                    throw invalid();
                }
            } else {
                while (i < n && text.charAt(i) != '.' && !Character.isWhitespace(text.charAt(i))) {
                    name.append(text.charAt(i++));
                }
                if (name.isEmpty()) {
                    throw invalid();
                }
                name = new StringBuilder(name.toString().toLowerCase(Locale.ROOT));
            }
            out.add(name.toString());
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (text.charAt(i) != '.') {
                throw invalid();
            }
            i++;
        }
    }

    private static PgException invalid() {
        return PgException.of(SqlState.INVALID_NAME, "invalid name syntax");
    }
}
