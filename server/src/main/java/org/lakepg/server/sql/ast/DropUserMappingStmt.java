package org.lakepg.server.sql.ast;

/** DROP USER MAPPING [IF EXISTS] FOR role SERVER name. */
public record DropUserMappingStmt(RoleSpec user, String servername, boolean missingOk) implements Statement {
}
