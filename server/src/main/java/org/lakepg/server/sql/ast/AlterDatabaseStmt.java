package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER DATABASE name options / SET / RESET / RENAME / OWNER. */
public record AlterDatabaseStmt(String dbname, List<DefElem> options, VariableSetStmt setstmt) implements Statement {}
