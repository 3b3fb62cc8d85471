package org.lakepg.server.sql.ast;

import java.util.List;

/** SELECT INTO / CREATE TABLE AS target. */
public record IntoClause(
        RangeVar rel,
        List<String> colNames,
        String accessMethod,
        List<DefElem> options,
        OnCommitAction onCommit,
        String tableSpaceName,
        boolean skipData) {}
