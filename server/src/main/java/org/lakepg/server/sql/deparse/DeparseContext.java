package org.lakepg.server.sql.deparse;

/**
 * ruleutils' deparse_context for one query level: the shared output buffer, the pretty flags, the wrap column and
 * this level's indentation, with appendContextKeyword's line breaking.
 */
final class DeparseContext {
    static final int INDENT_STD = 8;
    static final int INDENT_JOIN = 4;
    static final int INDENT_VAR = 4;
    private static final int INDENT_LIMIT = 40;

    /** Where text goes now (a target-list entry is built aside, then placed after the wrap decision). */
    StringBuilder buf;
    /** PRETTYFLAG_PAREN: parentheses only where precedence needs them. */
    final boolean prettyParen;
    /** PRETTYFLAG_INDENT: clauses on their own lines. */
    final boolean prettyIndent;
    /** Wrap the target list and FROM list past this column; 0 wraps every entry, -1 never. */
    final int wrapColumn;
    int indentLevel;

    DeparseContext(StringBuilder buf, boolean prettyParen, boolean prettyIndent, int wrapColumn, int indentLevel) {
        this.buf = buf;
        this.prettyParen = prettyParen;
        this.prettyIndent = prettyIndent;
        this.wrapColumn = wrapColumn;
        this.indentLevel = indentLevel;
    }

    /** A context for a query nested at the current indentation (subquery, CTE, set-operation arm). */
    DeparseContext nested() {
        return new DeparseContext(buf, prettyParen, prettyIndent, wrapColumn, indentLevel);
    }

    /** Marks where a line break of {@link #keywordText} starts: the spaces before it are dropped on append. */
    private static final char BREAK = '\u0002';

    DeparseContext append(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == BREAK) {
                removeTrailingSpaces();
            } else {
                buf.append(c);
            }
        }
        return this;
    }

    /**
     * appendContextKeyword for text being composed before it reaches the buffer (an expression's CASE): the line
     * break as text, the indentation level adjusted now.
     */
    String keywordText(String text, int indentBefore, int indentAfter, int indentPlus) {
        if (!prettyIndent) {
            return text;
        }
        StringBuilder saved = buf;
        buf = new StringBuilder();
        keyword(text, indentBefore, indentAfter, indentPlus);
        String out = BREAK + buf.toString();
        buf = saved;
        return out;
    }

    /** appendContextKeyword: a new line indented to the level (adjusted before and after) when pretty-indenting. */
    void keyword(String text, int indentBefore, int indentAfter, int indentPlus) {
        if (!prettyIndent) {
            buf.append(text);
            return;
        }
        indentLevel += indentBefore;
        removeTrailingSpaces();
        buf.append('\n');
        int amount;
        if (indentLevel < INDENT_LIMIT) {
            amount = Math.max(indentLevel, 0) + indentPlus;
        } else {
            // deep nesting: smaller steps, wrapping modulo the limit, so the text does not grow quadratically
            amount = INDENT_LIMIT + (indentLevel - INDENT_LIMIT) / (INDENT_STD / 2);
            amount %= INDENT_LIMIT;
            amount += indentPlus;
        }
        buf.append(" ".repeat(amount)).append(text);
        indentLevel = Math.max(indentLevel + indentAfter, 0);
    }

    void removeTrailingSpaces() {
        int end = buf.length();
        while (end > 0 && buf.charAt(end - 1) == ' ') {
            end--;
        }
        buf.setLength(end);
    }

    /** The length of the buffer's last line. */
    int currentLineLength() {
        int nl = buf.lastIndexOf("\n");
        return buf.length() - (nl + 1);
    }
}
