package org.lakepg.server.sql.analyzer;

import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Sort keys by a type's default btree ordering, with PostgreSQL's error when a type has none. */
final class SortKeys {
    private SortKeys() {}

    static SortKey of(AnalyzerCatalog catalog, int column, long type, boolean descending, boolean nullsFirst,
                      int location) {
        ProcEntry compare = catalog.btreeComparison(type).orElseThrow(() -> Coercer.at(PgException.of(
                SqlState.UNDEFINED_FUNCTION, "could not identify an ordering operator for type %s",
                TypeNames.format(catalog, type)).withHint("Use an explicit ordering operator or modify the query."),
                location));
        return new SortKey(column, compare.oid(), compare.source(), descending, nullsFirst);
    }
}
