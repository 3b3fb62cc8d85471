package org.lakepg.server.sql.analyzer;

import org.lakepg.server.sql.ast.Expr;

/**
 * A view WITH CHECK OPTION that an INSERT or UPDATE goes through (PostgreSQL's WCO_VIEW_CHECK): every new row must
 * satisfy the view's condition, written over the table under the view, which the view names {@code tableName}.
 */
public record ViewCheckOption(String view, String tableName, Expr condition) {}
