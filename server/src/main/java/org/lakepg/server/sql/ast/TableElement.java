package org.lakepg.server.sql.ast;

/** An element of CREATE TABLE's list: column, table constraint or LIKE. */
public sealed interface TableElement permits ColumnDef, Constraint, TableLikeClause {
}
