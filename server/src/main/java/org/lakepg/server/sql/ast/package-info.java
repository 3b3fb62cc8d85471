/**
 * The raw syntax tree the parser produces: sealed interfaces ({@link org.lakepg.server.sql.ast.Statement},
 * {@link org.lakepg.server.sql.ast.Expr}, {@link org.lakepg.server.sql.ast.FromItem},
 * {@link org.lakepg.server.sql.ast.TableElement}, {@link org.lakepg.server.sql.ast.Indirection}) with one
 * record per node, named after PostgreSQL's parse nodes in parsenodes.h (SelectStmt, AExpr, ColumnRef,
 * FuncCall, TypeCast, RangeVar, ...) and shaped like them, so that whoever knows PostgreSQL's parser
 * finds the same tree here. Nothing is resolved yet: names are as written (folded), types are
 * TypeNames, functions are FuncCalls by name. Locations are 0-based character offsets into the query
 * text, -1 when unknown. SQL-standard type names are already normalized to pg_catalog names (int →
 * pg_catalog.int4), and special-syntax functions (EXTRACT, SUBSTRING, AT TIME ZONE, ...) are already
 * the pg_catalog calls PostgreSQL's grammar makes of them.
 */
package org.lakepg.server.sql.ast;
