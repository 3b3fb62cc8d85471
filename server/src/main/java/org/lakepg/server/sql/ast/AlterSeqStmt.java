package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER SEQUENCE. */
public record AlterSeqStmt(RangeVar sequence, List<DefElem> options, boolean missingOk) implements Statement {}
