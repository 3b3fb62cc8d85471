package org.lakepg.server.sql.ast;

/** LIKE source [INCLUDING/EXCLUDING options]; options as PostgreSQL's CREATE_TABLE_LIKE bits. */
public record TableLikeClause(RangeVar relation, int options) implements TableElement {}
