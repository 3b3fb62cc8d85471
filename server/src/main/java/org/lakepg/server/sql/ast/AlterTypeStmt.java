package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TYPE name SET (property = value, ...). */
public record AlterTypeStmt(List<String> typeName, List<DefElem> options) implements Statement {
}
