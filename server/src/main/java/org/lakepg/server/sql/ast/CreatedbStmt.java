package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE DATABASE. */
public record CreatedbStmt(String dbname, List<DefElem> options) implements Statement {}
