package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.parser.Lexer;
import org.lakepg.server.sql.parser.Token;
import org.lakepg.server.sql.parser.TokenKind;
import org.lakepg.server.table.ColumnInfo;

/**
 * The columns a CHECK expression reads, in order of first appearance and without repeats, as PostgreSQL
 * lists them in pg_constraint.conkey (it walks the expression's Vars left to right).
 */
final class CheckColumns {
    private CheckColumns() {}

    static List<Short> of(String expression, List<ColumnInfo> columns) {
        List<Short> out = new ArrayList<>();
        if (expression == null) {
            return out;
        }
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(expression, true);
        } catch (RuntimeException unreadable) {
            return out;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.IDENT && t.kind() != TokenKind.KEYWORD) {
                continue;
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isPunct("(");
            boolean typeName = i > 0 && tokens.get(i - 1).isPunct("::");
            if (call || typeName) {
                continue;
            }
            for (ColumnInfo c : columns) {
                if (c.name().equals(t.value()) && !out.contains(c.number())) {
                    out.add(c.number());
                }
            }
        }
        return out;
    }
}
