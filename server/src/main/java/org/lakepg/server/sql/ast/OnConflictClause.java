package org.lakepg.server.sql.ast;

import java.util.List;

/** ON CONFLICT [target] DO NOTHING / DO UPDATE SET ... [WHERE]. */
public record OnConflictClause(
        Action action,
        InferClause infer,
        List<ResTarget> targetList,
        Expr whereClause,
        int location) {
    public enum Action { NOTHING, UPDATE }
}
