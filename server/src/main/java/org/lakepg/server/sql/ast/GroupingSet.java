package org.lakepg.server.sql.ast;

import java.util.List;

/** An element of GROUP BY: (), ROLLUP, CUBE, GROUPING SETS. */
public record GroupingSet(Kind kind, List<Expr> content, int location) implements Expr {
    public enum Kind { EMPTY, SIMPLE, ROLLUP, CUBE, SETS }
}
