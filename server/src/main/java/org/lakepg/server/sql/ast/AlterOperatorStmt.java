package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER OPERATOR op (left, right) SET (option = value, ...). */
public record AlterOperatorStmt(ObjectWithArgs opername, List<DefElem> options) implements Statement {
}
