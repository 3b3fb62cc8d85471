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

    /** A LATERAL item that may still not see them (UPDATE's target from its FROM list): any use is an invalid reference. */
    private final boolean lateral;

    InvisibleSiblings(Scope enclosing, FromScope siblings) {
        this(enclosing, siblings, false);
    }

    InvisibleSiblings(Scope enclosing, FromScope siblings, boolean lateral) {
        this.enclosing = enclosing;
        this.siblings = siblings;
        this.lateral = lateral;
    }

    @Override
    public Optional<BoundExpr> wholeRow(String alias, int location) {
        Optional<BoundExpr> found = enclosing == null ? Optional.empty() : enclosing.wholeRow(alias, location);
        return found.isPresent() ? found : column(List.of(alias), location);
    }

    @Override
    public Optional<BoundExpr> column(List<String> fields, int location) {
        Optional<BoundExpr> found = enclosing == null ? Optional.empty() : enclosing.column(fields, location);
        if (found.isPresent()) {
            return found;
        }
        if (fields.size() == 1) {
            // errorMissingColumn: the column is there, in an item this part of the query may not name
            String owner = owner(fields.get(0));
            if (owner != null && lateral) {
                // the item is there for LATERAL, just not for this one (42P10, as scanNSItemForColumn says)
                throw invalidReference(SqlState.INVALID_COLUMN_REFERENCE, owner, location);
            }
            if (owner != null) {
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", fields.get(0))
                        .withHint("There is a column named \"" + fields.get(0) + "\" in table \"" + owner
                                + "\", but it cannot be referenced from this part of the query."), location);
            }
            return found;
        }
        String table = fields.get(fields.size() - 2);
        if (siblings.entry(table).isPresent()) {
            throw invalidReference(lateral ? SqlState.INVALID_COLUMN_REFERENCE : SqlState.UNDEFINED_TABLE, table,
                    location);
        }
        return found;
    }

    @Override
    public void forEachItem(java.util.function.BiConsumer<String, List<String>> visit) {
        siblings.forEachItem(visit);
        if (enclosing != null) {
            enclosing.forEachItem(visit);
        }
    }

    private static PgException invalidReference(SqlState state, String table, int location) {
        return Coercer.at(PgException.of(state,
                "invalid reference to FROM-clause entry for table \"%s\"", table)
                .withHint("There is an entry for table \"" + table
                        + "\", but it cannot be referenced from this part of the query."), location);
    }

    /** The named item holding a column of this name, or null. */
    private String owner(String column) {
        for (FromScope.Entry e : siblings.entries()) {
            if (e.alias() != null && e.columns().stream().anyMatch(c -> c.name().equals(column))) {
                return e.alias();
            }
        }
        return null;
    }
}
