package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * What a non-LATERAL subquery in FROM sees around it: the enclosing query's names, and — only to
 * explain the error — the FROM items to its left, which it may not reference.
 */
final class InvisibleSiblings implements Scope {
    private final Scope enclosing;
    private final FromScope siblings;

    InvisibleSiblings(Scope enclosing, FromScope siblings) {
        this.enclosing = enclosing;
        this.siblings = siblings;
    }

    @Override
    public Optional<BoundExpr> column(List<String> fields, int location) {
        Optional<BoundExpr> found = enclosing == null ? Optional.empty() : enclosing.column(fields, location);
        if (found.isPresent() || fields.size() < 2) {
            return found;
        }
        String table = fields.get(fields.size() - 2);
        if (siblings.entry(table).isPresent()) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                    "invalid reference to FROM-clause entry for table \"%s\"", table)
                    .withHint("There is an entry for table \"" + table
                            + "\", but it cannot be referenced from this part of the query."), location);
        }
        return found;
    }
}
