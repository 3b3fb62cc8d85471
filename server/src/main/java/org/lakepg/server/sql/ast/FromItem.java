package org.lakepg.server.sql.ast;

/** An item of a FROM list. */
public sealed interface FromItem permits
        RangeVar, JoinExpr, RangeSubselect, RangeFunction, RangeTableSample, RangeTableFunc {
}
