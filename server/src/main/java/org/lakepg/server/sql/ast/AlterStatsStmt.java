package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER STATISTICS [IF EXISTS] name SET STATISTICS n. */
public record AlterStatsStmt(List<String> defnames, int stxstattarget, boolean missingOk) implements Statement {
}
