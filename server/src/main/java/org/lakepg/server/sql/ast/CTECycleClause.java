package org.lakepg.server.sql.ast;

import java.util.List;

/** CYCLE cols SET col [TO v DEFAULT d] USING path. */
public record CTECycleClause(
        List<String> cycleColList,
        String cycleMarkColumn,
        Expr cycleMarkValue,
        Expr cycleMarkDefault,
        String cyclePathColumn,
        int location) {}
