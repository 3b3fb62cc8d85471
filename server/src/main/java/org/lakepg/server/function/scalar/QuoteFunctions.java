package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.parser.Keywords;

/** quote_ident / quote_literal / quote_nullable, as PostgreSQL's quote_identifier and quote_literal_cstr. */
public final class QuoteFunctions {
    private QuoteFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("quote_ident", (x, c) -> identifier((String) x[0]));
        r.register("quote_literal", (x, c) -> literal((String) x[0]));
        r.register("quote_nullable", (x, c) -> x[0] == null ? "NULL" : literal((String) x[0]));
    }

    /** Quoted unless it is lower-case letters, digits, _ (not first a digit) and not a keyword that needs quotes. */
    static String identifier(String ident) {
        boolean safe = !ident.isEmpty() && (isLowerOrUnderscore(ident.charAt(0)));
        for (int i = 0; safe && i < ident.length(); i++) {
            char ch = ident.charAt(i);
            safe = isLowerOrUnderscore(ch) || (ch >= '0' && ch <= '9');
        }
        if (safe) {
            Keywords.Keyword keyword = Keywords.lookup(ident);
            safe = keyword == null || keyword.category() == Keywords.Category.UNRESERVED;
        }
        if (safe) {
            return ident;
        }
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    private static boolean isLowerOrUnderscore(char ch) {
        return (ch >= 'a' && ch <= 'z') || ch == '_';
    }

    /** Doubles quotes and backslashes; with a backslash the literal becomes an E'' string. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        if (value.indexOf('\\') >= 0) {
            out.append('E');
        }
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\'' || ch == '\\') {
                out.append(ch);
            }
            out.append(ch);
        }
        return out.append('\'').toString();
    }
}
