package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TYPE ... ADD VALUE / RENAME VALUE. */
public record AlterEnumStmt(
        List<String> typeName,
        String oldVal,
        String newVal,
        String newValNeighbor,
        boolean newValIsAfter,
        boolean skipIfNewValExists) implements Statement {}
