package org.lakepg.server.sql.ast;

import java.util.List;

/** SET CONSTRAINTS ALL | names DEFERRED | IMMEDIATE; constraints empty means ALL. */
public record ConstraintsSetStmt(List<RangeVar> constraints, boolean deferred) implements Statement {
}
