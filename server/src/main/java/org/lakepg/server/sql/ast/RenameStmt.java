package org.lakepg.server.sql.ast;

/** ALTER ... RENAME [COLUMN/CONSTRAINT/...] ... TO .... */
public record RenameStmt(
        ObjectType renameType,
        ObjectType relationType,
        RangeVar relation,
        Object object,
        String subname,
        String newname,
        boolean missingOk) implements Statement {}
