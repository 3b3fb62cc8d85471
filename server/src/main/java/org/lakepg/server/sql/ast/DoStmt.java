package org.lakepg.server.sql.ast;

import java.util.List;

/** DO [LANGUAGE l] 'code'. */
public record DoStmt(List<DefElem> args) implements Statement {}
