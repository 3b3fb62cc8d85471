package org.lakepg.server.sql.ast;

/** DROP TABLESPACE [IF EXISTS] name. */
public record DropTableSpaceStmt(String tablespacename, boolean missingOk) implements Statement {
}
