package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The like_regex pattern check jsonpath input makes. PostgreSQL compiles the pattern with its
 * own regex engine; here only the most common error, unbalanced parentheses, is detected.
 */
final class JsonPathRegexCheck {
    private JsonPathRegexCheck() {
    }

    static void check(String pattern, int flags) {
        if ((flags & JsonPath.REGEX_QUOTE) != 0) {
            return;
        }
        int depth = 0;
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inBracket) {
                if (c == ']') {
                    inBracket = false;
                }
            } else if (c == '[') {
                inBracket = true;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    break;
                }
            }
        }
        if (depth != 0) {
            throw PgException.of(SqlState.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: parentheses () not balanced");
        }
    }
}
