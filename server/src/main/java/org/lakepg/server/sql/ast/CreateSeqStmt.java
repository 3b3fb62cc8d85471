package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE SEQUENCE. */
public record CreateSeqStmt(RangeVar sequence, List<DefElem> options, boolean ifNotExists) implements Statement {}
