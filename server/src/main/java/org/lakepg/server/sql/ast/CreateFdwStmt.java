package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE FOREIGN DATA WRAPPER name [HANDLER/VALIDATOR ...] [OPTIONS (...)]; funcOptions are handler/validator. */
public record CreateFdwStmt(String fdwname, List<DefElem> funcOptions, List<DefElem> options) implements Statement {
}
