package org.lakepg.server.session;

import org.lakepg.server.table.ExpressionText;

/**
 * Renames a column inside stored expression text (CHECK conditions): identifier tokens naming the column are
 * replaced; string literals, function names (followed by "(") and type names (after "::") are left alone.
 */
final class RenameColumn {
    private RenameColumn() {}

    static String in(String text, String oldName, String newName) {
        String from = ExpressionText.ident(oldName);
        String to = ExpressionText.ident(newName);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                int end = i + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == '\'') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(text, i, Math.min(end + 1, text.length()));
                i = end + 1;
            } else if (ch == '"') {
                int end = text.indexOf('"', i + 1);
                while (end >= 0 && end + 1 < text.length() && text.charAt(end + 1) == '"') {
                    end = text.indexOf('"', end + 2);
                }
                end = end < 0 ? text.length() - 1 : end;
                append(out, text, i, end + 1, from, to);
                i = end + 1;
            } else if (Character.isLetter(ch) || ch == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                append(out, text, i, end, from, to);
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String text, int start, int end, String from, String to) {
        String token = text.substring(start, end);
        boolean call = end < text.length() && text.charAt(end) == '(';
        boolean typeName = start >= 2 && text.startsWith("::", start - 2);
        boolean qualified = start >= 1 && text.charAt(start - 1) == '.';
        out.append(token.equals(from) && !call && !typeName && !qualified ? to : token);
    }
}
