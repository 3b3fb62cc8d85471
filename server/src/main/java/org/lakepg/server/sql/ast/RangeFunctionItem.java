package org.lakepg.server.sql.ast;

import java.util.List;

/** One function of a RangeFunction with its own column definitions (ROWS FROM). */
public record RangeFunctionItem(Expr function, List<ColumnDef> coldeflist) {}
