package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** The names visible to an expression: the columns of the FROM items around it. */
public interface Scope {

    /** The column a (possibly qualified) reference names; empty when no item has it. */
    Optional<BoundExpr> column(List<String> fields, int location);

    /**
     * The columns {@code alias.*} names when the alias is an item of an enclosing query (a LATERAL item's or
     * subquery's view of it), each with its name; empty when no enclosing item has that name.
     */
    default Optional<List<java.util.Map.Entry<String, BoundExpr>>> outerStar(String alias) {
        return Optional.empty();
    }

    /**
     * How EXPLAIN names a column of this scope where a subplan reads it as an outer value, when that is not the name
     * the query used: a FROM subquery of VALUES alone is pulled up into its {@code "*VALUES*"} relation. Null: as named.
     */
    default String shownName(org.lakepg.server.sql.plan.expr.InputRef column) {
        return null;
    }

    /**
     * The whole row {@code alias.*} means inside an expression ({@code count(x.*)}): the FROM item's row even when
     * one of the items has a column of that name; empty when no item has the name.
     */
    default Optional<BoundExpr> wholeRow(String alias, int location) {
        return column(List.of(alias), location);
    }

    /**
     * Every named FROM item this scope and the enclosing ones hold (alias, column names), innermost first, whether
     * or not this part of the query may reference it: what the hints of "column does not exist" search.
     */
    default void forEachItem(java.util.function.BiConsumer<String, List<String>> visit) {
    }

    /** A SELECT without FROM: no columns at all. */
    Scope EMPTY = (fields, location) -> Optional.empty();
}
