package org.lakepg.server.session;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ModifyAnalyzer;
import org.lakepg.server.txn.Transaction;

/**
 * What a DDL statement works with: its transaction, the analyzers that resolve types and bind DEFAULT / CHECK
 * expressions, and an executor context to evaluate them against existing rows (validation, rewrites).
 */
record DdlContext(Transaction txn, ExpressionAnalyzer types, ModifyAnalyzer binder, ExprCompiler compiler,
                  ExecContext exec, AnalyzerCatalog catalog) {
}
