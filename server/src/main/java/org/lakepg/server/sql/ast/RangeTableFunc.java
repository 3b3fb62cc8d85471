package org.lakepg.server.sql.ast;

import java.util.List;

/** XMLTABLE(...) kept as its row expression, document and columns. */
public record RangeTableFunc(
        boolean lateral,
        Expr rowexpr,
        Expr docexpr,
        List<ColumnDef> columns,
        Alias alias,
        int location) implements FromItem {}
