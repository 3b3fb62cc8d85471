package org.lakepg.server.sql.ast;

/** ALTER ... SET SCHEMA. */
public record AlterObjectSchemaStmt(
        ObjectType objectType,
        RangeVar relation,
        Object object,
        String newschema,
        boolean missingOk) implements Statement {}
