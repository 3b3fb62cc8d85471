package org.lakepg.server.sql.ast;

import java.util.List;

/** TRUNCATE. */
public record TruncateStmt(List<RangeVar> relations, boolean restartSeqs, DropBehavior behavior) implements Statement {}
