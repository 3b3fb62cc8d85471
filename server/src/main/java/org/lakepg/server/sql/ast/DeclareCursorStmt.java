package org.lakepg.server.sql.ast;

/**
 * DECLARE name [BINARY] [[NO] SCROLL] [INSENSITIVE] CURSOR [WITH/WITHOUT HOLD] FOR query; options as
 * PostgreSQL's CURSOR_OPT bits.
 */
public record DeclareCursorStmt(String portalname, int options, Statement query) implements Statement {}
