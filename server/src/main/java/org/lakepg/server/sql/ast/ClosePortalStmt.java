package org.lakepg.server.sql.ast;

/** CLOSE name / CLOSE ALL (name null). */
public record ClosePortalStmt(String portalname) implements Statement {}
