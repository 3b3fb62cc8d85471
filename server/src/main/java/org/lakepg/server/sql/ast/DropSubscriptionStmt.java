package org.lakepg.server.sql.ast;

/** DROP SUBSCRIPTION [IF EXISTS] name [CASCADE | RESTRICT]. */
public record DropSubscriptionStmt(String subname, boolean missingOk, DropBehavior behavior) implements Statement {
}
