package org.lakepg.server.sql.ast;

import java.util.List;

/** One WITH item; {@code query} is any data-returning statement. */
public record CommonTableExpr(
        String ctename,
        List<String> aliascolnames,
        Materialized ctematerialized,
        Statement ctequery,
        CTESearchClause searchClause,
        CTECycleClause cycleClause,
        int location) {
    public enum Materialized { DEFAULT, ALWAYS, NEVER }
}
