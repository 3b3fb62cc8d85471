package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE OPERATOR FAMILY name USING am. */
public record CreateOpFamilyStmt(List<String> opfamilyname, String amname) implements Statement {
}
