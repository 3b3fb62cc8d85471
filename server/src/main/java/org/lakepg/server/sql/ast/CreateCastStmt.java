package org.lakepg.server.sql.ast;

/** CREATE CAST (source AS target) ...; context 'e' explicit, 'a' assignment, 'i' implicit. */
public record CreateCastStmt(
        TypeName sourcetype,
        TypeName targettype,
        ObjectWithArgs func,
        char context,
        boolean inout) implements Statement {}
