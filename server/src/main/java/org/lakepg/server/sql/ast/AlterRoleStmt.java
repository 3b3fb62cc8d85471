package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER ROLE/USER/GROUP (options, membership, SET/RESET). */
public record AlterRoleStmt(
        RoleSpec role,
        List<DefElem> options,
        String database,
        VariableSetStmt setstmt) implements Statement {}
