package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/** parse_ident(text, strict): splits a qualified identifier, folding unquoted parts to lower case (ASCII only). */
public final class ParseIdent {
    private ParseIdent() {}

    public static void register(FunctionRegistry r) {
        r.register("parse_ident", (x, c) -> parse((String) x[0], (Boolean) x[1]));
    }

    private static PgException invalid(String text) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "string is not a valid identifier: \"%s\"", text);
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\u000b';
    }

    private static boolean isIdentStart(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
    }

    private static boolean isIdentContinue(char ch) {
        return isIdentStart(ch) || (ch >= '0' && ch <= '9') || ch == '$';
    }

    static PgArray parse(String text, boolean strict) {
        List<Object> parts = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean afterDot = false;
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        while (true) {
            boolean missing = true;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder part = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw invalid(text).withDetail("String has unclosed double quotes.");
                    }
                    if (text.charAt(j) == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(text.charAt(j++));
                }
                if (part.isEmpty()) {
                    throw invalid(text).withDetail("Quoted identifier must not be empty.");
                }
                parts.add(part.toString());
                i = j + 1;
                missing = false;
            } else if (i < n && isIdentStart(text.charAt(i))) {
                int start = i++;
                while (i < n && isIdentContinue(text.charAt(i))) {
                    i++;
                }
                StringBuilder part = new StringBuilder();
                for (int k = start; k < i; k++) {
                    char ch = text.charAt(k);
                    part.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
                }
                parts.add(part.toString());
                missing = false;
            }
            if (missing) {
                if (i < n && text.charAt(i) == '.') {
                    throw invalid(text).withDetail("No valid identifier before \".\".");
                }
                if (afterDot) {
                    throw invalid(text).withDetail("No valid identifier after \".\".");
                }
                throw invalid(text);
            }
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                afterDot = true;
                i++;
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            } else if (i >= n) {
                break;
            } else {
                if (strict) {
                    throw invalid(text);
                }
                break;
            }
        }
        return PgArray.of((int) TypeOids.TEXT, parts.toArray());
    }
}
