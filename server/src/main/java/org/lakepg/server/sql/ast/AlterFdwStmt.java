package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER FOREIGN DATA WRAPPER name [HANDLER/VALIDATOR ...] [OPTIONS (ADD/SET/DROP ...)]. */
public record AlterFdwStmt(String fdwname, List<DefElem> funcOptions, List<DefElem> options) implements Statement {
}
