package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE ROLE / USER / GROUP. */
public record CreateRoleStmt(Kind stmtType, String role, List<DefElem> options) implements Statement {
    public enum Kind { ROLE, USER, GROUP }
}
