package org.lakepg.server.sql.ast;

/** CREATE TABLE ... AS, CREATE MATERIALIZED VIEW, SELECT INTO. */
public record CreateTableAsStmt(
        Statement query,
        IntoClause into,
        ObjectType objtype,
        boolean isSelectInto,
        boolean ifNotExists) implements Statement {}
