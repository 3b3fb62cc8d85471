package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TEXT SEARCH DICTIONARY name (option = value, ...). */
public record AlterTSDictionaryStmt(List<String> dictname, List<DefElem> options) implements Statement {
}
