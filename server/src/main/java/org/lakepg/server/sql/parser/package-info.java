/**
 * lakepg's SQL parser: PostgreSQL 15's grammar (gram.y, scan.l) rewritten as a recursive-descent
 * parser with precedence climbing for expressions. {@link org.lakepg.server.sql.parser.SqlParser}
 * is the only entry point; it returns {@link org.lakepg.server.sql.ast.RawStatement}s.
 *
 * <p>How it is cut: {@link org.lakepg.server.sql.parser.Lexer} makes tokens; the grammar is one
 * chain of abstract classes, one grammar area per file, each extending the one it builds on:
 * ParserBase (cursor, errors, name productions) → TypeNameParser → ExprParser (operators and
 * precedence) → PrimaryExprParser → SpecialFunctionParser → FromClauseParser → SelectParser →
 * DmlParser → ConstraintParser → TableDdlParser → GrantParser → AlterTableCmdParser →
 * FunctionDdlParser → ObjectDdlParser → TransactionSetParser → UtilityParser →
 * ObjectReferenceParser → ReplicationParser → ForeignDataParser → OperatorClassParser →
 * MiscDdlParser → CreateParser → AlterDropParser → StatementParser (dispatch). A later area that an
 * earlier one needs (a subquery inside an expression) is an abstract method there.
 *
 * <p>Why it behaves like bison where it matters:
 * <ul>
 * <li>Keyword categories (reserved, unreserved, col_name, type_func_name, bare label) come from
 *     PostgreSQL 15's own keyword table and decide where a keyword may be a name.</li>
 * <li>A syntax error is reported at the furthest token a partial multi-word match reached, which is
 *     where an LALR parser finds no action ({@code ParserBase.furthest}).</li>
 * <li>Lexical errors are raised when the parser reaches the broken token, as PostgreSQL's scanner
 *     runs only one token ahead of its grammar: an earlier syntax error wins.</li>
 * <li>Lookahead tokens of PostgreSQL's filter (WITH_LA, NOT_LA, NULLS_LA) are imitated where the
 *     grammar depends on them.</li>
 * </ul>
 * Tests compare against real PostgreSQL 15 twice over: the regression suite's statements
 * (RegressionSuiteParseTest) and thousands of near-miss mutations of them with PostgreSQL's
 * recorded verdicts (MutationDifferentialTest).
 *
 * <p>The few remaining rarely used utility commands (ALTER EXTENSION, ALTER ... DEPENDS ON EXTENSION)
 * are kept as {@link org.lakepg.server.sql.ast.UtilityStmt}: their leading words and text, with
 * balanced parentheses checked but not their full syntax.
 */
package org.lakepg.server.sql.parser;
