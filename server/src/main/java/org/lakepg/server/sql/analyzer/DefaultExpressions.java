package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.parser.SqlParser;

/** Expressions the catalog keeps as SQL text (column defaults, CHECK conditions), parsed back for a statement. */
public final class DefaultExpressions {
    private DefaultExpressions() {}

    public static Expr parse(String text) {
        List<RawStatement> parsed = SqlParser.parse("SELECT " + text);
        return ((SelectStmt) parsed.get(0).statement()).targetList().get(0).val();
    }
}
