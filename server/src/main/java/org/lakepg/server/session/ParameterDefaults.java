package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DEFAULT texts of a CREATE FUNCTION's parameters, cut from the statement's text (lakepg keeps
 * defaults as SQL text and has no deparser): the parameter list is split at its top-level commas, and each
 * parameter's default is what follows its top-level DEFAULT or '='.
 */
final class ParameterDefaults {
    private ParameterDefaults() {}

    /** One entry per parameter: its default's text, or null. */
    static List<String> of(String createText) {
        List<String> out = new ArrayList<>();
        int open = nextTopLevel(createText, 0, '(');
        if (open < 0) {
            return out;
        }
        int depth = 0;
        int start = open + 1;
        int i = start;
        while (i < createText.length()) {
            int skipped = skip(createText, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = createText.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0 || c == ')') {
                String parameter = createText.substring(start, i);
                if (!parameter.isBlank()) {
                    out.add(defaultOf(parameter));
                }
                if (c == ')') {
                    break;
                }
                start = i + 1;
            }
            i++;
        }
        return out;
    }

    private static String defaultOf(String parameter) {
        int depth = 0;
        int i = 0;
        String lower = parameter.toLowerCase(Locale.ROOT);
        while (i < parameter.length()) {
            int skipped = skip(parameter, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = parameter.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && c == '=') {
                return parameter.substring(i + 1).strip();
            } else if (depth == 0 && lower.startsWith("default", i) && boundary(lower, i - 1)
                    && boundary(lower, i + 7)) {
                return parameter.substring(i + 7).strip();
            }
            i++;
        }
        return null;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !(Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
    }

    private static int nextTopLevel(String text, int from, char wanted) {
        int i = from;
        while (i < text.length()) {
            int skipped = skip(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (text.charAt(i) == wanted) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Past a quoted string, identifier, dollar-quoted body or comment starting at i; i itself otherwise. */
    private static int skip(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return j;
        }
        if (c == '$') {
            int tagEnd = text.indexOf('$', i + 1);
            if (tagEnd > 0 && text.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
                String tag = text.substring(i, tagEnd + 1);
                int close = text.indexOf(tag, tagEnd + 1);
                return close < 0 ? text.length() : close + tag.length();
            }
        }
        if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
            int eol = text.indexOf('\n', i);
            return eol < 0 ? text.length() : eol;
        }
        return i;
    }
}
