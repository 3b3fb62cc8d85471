package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** The names visible to an expression: the columns of the FROM items around it. */
public interface Scope {

    /** The column a (possibly qualified) reference names; empty when no item has it. */
    Optional<BoundExpr> column(List<String> fields, int location);

    /** A SELECT without FROM: no columns at all. */
    Scope EMPTY = (fields, location) -> Optional.empty();
}
