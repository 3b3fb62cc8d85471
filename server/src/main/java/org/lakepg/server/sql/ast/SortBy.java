package org.lakepg.server.sql.ast;

import java.util.List;

/** ORDER BY item. */
public record SortBy(Expr node, SortDir dir, SortNulls nulls, List<String> useOp, int location) {
    public enum SortDir { DEFAULT, ASC, DESC, USING }

    public enum SortNulls { DEFAULT, FIRST, LAST }
}
