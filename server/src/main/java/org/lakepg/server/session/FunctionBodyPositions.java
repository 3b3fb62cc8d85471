package org.lakepg.server.session;

/**
 * Maps an error position inside a function body written as a string constant ({@code AS '...'} or {@code AS $$...$$})
 * to a position in the CREATE FUNCTION statement, as PostgreSQL's function_parse_error_transpose does: the body is
 * looked for in the statement's text, and only a single occurrence counts (anything else would be a guess).
 */
final class FunctionBodyPositions {

    private FunctionBodyPositions() {
    }

    /**
     * @param statement the CREATE FUNCTION statement's text
     * @param offset    where the statement starts in the query string (0-based, in characters)
     * @param body      the body as the function stores it (quotes undoubled)
     * @param position  the 1-based character position inside {@code body}
     * @return the 1-based position in the query string, or 0 when the body is not found exactly once
     */
    static int transpose(String statement, int offset, String body, int position) {
        if (position <= 0 || statement == null || body.isEmpty()) {
            return 0;
        }
        int bodyIndex = body.offsetByCodePoints(0, Math.min(position - 1, body.codePointCount(0, body.length())));
        int found = -1;
        for (int at = 0; at < statement.length(); at++) {
            char c = statement.charAt(at);
            int match = -1;
            if (c == '$' && statement.startsWith(body, at + 1) && statement.startsWith("$", at + 1 + body.length())) {
                match = at + 1 + bodyIndex; // a dollar-quoted body is written as stored
            } else if (c == '\'') {
                match = inQuotedLiteral(statement, at + 1, body, bodyIndex);
            }
            if (match >= 0) {
                if (found >= 0) {
                    return 0;
                }
                found = match;
            }
        }
        return found < 0 ? 0 : offset + statement.codePointCount(0, found) + 1;
    }

    /**
     * When the literal starting at {@code from} (after its opening quote) spells {@code body} with quotes doubled and
     * ends there, the index in {@code statement} of the body's character {@code bodyIndex}; otherwise -1.
     */
    private static int inQuotedLiteral(String statement, int from, String body, int bodyIndex) {
        int s = from;
        int target = -1;
        for (int b = 0; b < body.length(); b++) {
            if (b == bodyIndex) {
                target = s;
            }
            char expected = body.charAt(b);
            if (s >= statement.length() || statement.charAt(s) != expected) {
                return -1;
            }
            if (expected == '\'') {
                if (s + 1 >= statement.length() || statement.charAt(s + 1) != '\'') {
                    return -1;
                }
                s++;
            }
            s++;
        }
        if (bodyIndex >= body.length()) {
            target = s;
        }
        boolean closed = s < statement.length() && statement.charAt(s) == '\''
                && (s + 1 >= statement.length() || statement.charAt(s + 1) != '\'');
        return closed ? target : -1;
    }
}
