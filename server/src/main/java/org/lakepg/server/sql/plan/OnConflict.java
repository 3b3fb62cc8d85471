package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;

/**
 * INSERT ... ON CONFLICT: the arbiter indexes a proposed row is checked against and what happens when one of them
 * already holds its key. For DO UPDATE, {@code newRow} (one expression per table column) and {@code where} are bound
 * over the existing row followed by the proposed row (EXCLUDED), as PostgreSQL lays them out. {@code inferred} says
 * whether the arbiters were named or inferred (EXPLAIN lists them then) rather than being every unique index.
 */
public record OnConflict(Action action, List<IndexInfo> arbiters, boolean inferred, String alias, List<BoundExpr> newRow,
                         BoundExpr where) {

    public enum Action { NOTHING, UPDATE }

    public OnConflict {
        arbiters = List.copyOf(arbiters);
        newRow = newRow == null ? List.of() : List.copyOf(newRow);
    }
}
