package org.lakepg.server.sql.ast;

import java.util.List;

/** DROP ROLE/USER/GROUP. */
public record DropRoleStmt(List<RoleSpec> roles, boolean missingOk) implements Statement {}
