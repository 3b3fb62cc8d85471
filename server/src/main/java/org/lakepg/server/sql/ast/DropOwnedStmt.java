package org.lakepg.server.sql.ast;

import java.util.List;

/** DROP OWNED BY roles [CASCADE | RESTRICT]. */
public record DropOwnedStmt(List<RoleSpec> roles, DropBehavior behavior) implements Statement {
}
