package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER COLLATION name REFRESH VERSION. */
public record AlterCollationStmt(List<String> collname) implements Statement {
}
