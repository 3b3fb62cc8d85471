package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE SCHEMA with optional embedded statements. */
public record CreateSchemaStmt(
        String schemaname,
        RoleSpec authrole,
        List<Statement> schemaElts,
        boolean ifNotExists) implements Statement {}
