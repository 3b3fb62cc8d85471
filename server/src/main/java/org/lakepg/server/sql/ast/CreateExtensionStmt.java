package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE EXTENSION. */
public record CreateExtensionStmt(String extname, boolean ifNotExists, List<DefElem> options) implements Statement {}
