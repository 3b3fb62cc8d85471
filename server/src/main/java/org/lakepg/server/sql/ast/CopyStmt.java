package org.lakepg.server.sql.ast;

import java.util.List;

/** COPY in both syntaxes; filename null is STDIN/STDOUT. */
public record CopyStmt(
        RangeVar relation,
        Statement query,
        List<String> attlist,
        boolean isFrom,
        boolean isProgram,
        String filename,
        List<DefElem> options,
        Expr whereClause) implements Statement {}
