package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE TYPE ... AS (attributes). */
public record CompositeTypeStmt(RangeVar typevar, List<ColumnDef> coldeflist) implements Statement {}
