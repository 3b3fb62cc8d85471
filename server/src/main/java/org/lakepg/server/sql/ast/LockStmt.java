package org.lakepg.server.sql.ast;

import java.util.List;

/** LOCK [TABLE] names IN mode MODE [NOWAIT]; mode as PostgreSQL's lock mode numbers (1..8). */
public record LockStmt(List<RangeVar> relations, int mode, boolean nowait) implements Statement {}
