package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE TYPE ... AS ENUM. */
public record CreateEnumStmt(List<String> typeName, List<String> vals) implements Statement {}
