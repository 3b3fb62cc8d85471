package org.lakepg.server.sql.ast;

import java.util.List;

/** TABLESAMPLE method(args) [REPEATABLE (seed)]. */
public record RangeTableSample(
        FromItem relation,
        List<String> method,
        List<Expr> args,
        Expr repeatable,
        int location) implements FromItem {}
