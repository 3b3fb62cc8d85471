package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE FOREIGN TABLE: the table part as a CreateStmt, plus its server and options. */
public record CreateForeignTableStmt(CreateStmt base, String servername, List<DefElem> options) implements Statement {
}
