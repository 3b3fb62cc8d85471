package org.lakepg.server.sql.ast;

import java.util.List;

/** Functions in FROM: one function, or ROWS FROM(...) with per-function column definition lists. */
public record RangeFunction(
        boolean lateral,
        boolean ordinality,
        boolean isRowsfrom,
        List<RangeFunctionItem> functions,
        Alias alias,
        List<ColumnDef> coldeflist) implements FromItem {}
