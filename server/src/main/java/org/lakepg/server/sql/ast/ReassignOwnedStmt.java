package org.lakepg.server.sql.ast;

import java.util.List;

/** REASSIGN OWNED BY roles TO role. */
public record ReassignOwnedStmt(List<RoleSpec> roles, RoleSpec newrole) implements Statement {
}
