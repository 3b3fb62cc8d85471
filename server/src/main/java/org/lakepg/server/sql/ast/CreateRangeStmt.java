package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE TYPE ... AS RANGE (params). */
public record CreateRangeStmt(List<String> typeName, List<DefElem> params) implements Statement {}
