package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * WITH RECURSIVE ... UNION (not ALL) drops duplicate rows with a hash table only (generate_recursion_path has no
 * sorted form), so every column's equality must be hashable: money's is not, nor bit strings', and an array is
 * hashable when its element type is.
 */
final class RecursiveUnionHashing {
    private RecursiveUnionHashing() {}

    static void check(AnalyzerCatalog catalog, List<OutputColumn> columns) {
        for (OutputColumn c : columns) {
            if (!hashable(catalog, c.type(), 0)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "could not implement recursive UNION")
                        .withDetail("All column datatypes must be hashable.");
            }
        }
    }

    private static boolean hashable(AnalyzerCatalog catalog, long type, int depth) {
        TypeEntry entry = catalog.type(type).orElse(null);
        if (entry == null || depth > 8) {
            return true;
        }
        if (entry.kind() == TypeEntry.KIND_DOMAIN) {
            return hashable(catalog, entry.baseType(), depth + 1);
        }
        if (entry.elementType() != 0 && entry.subscriptProc() != 0 && entry.length() == -1) {
            return hashable(catalog, entry.elementType(), depth + 1);
        }
        if (entry.kind() != TypeEntry.KIND_BASE) {
            return true;
        }
        // the type's own equality operator says whether it can hash (an unknown one: leave it to the executor)
        OperatorEntry equality = equality(catalog, type);
        return equality == null || equality.canHash();
    }

    /** Whether {@code type} has an = operator of its own that can hash (a hash opclass's equality). */
    static boolean hashableEquality(AnalyzerCatalog catalog, long type) {
        OperatorEntry equality = equality(catalog, type);
        return equality != null && equality.canHash();
    }

    private static OperatorEntry equality(AnalyzerCatalog catalog, long type) {
        for (OperatorEntry o : catalog.operators(List.of("pg_catalog", "="))) {
            if (o.kind() == 'b' && o.leftType() == type && o.rightType() == type) {
                return o;
            }
        }
        return null;
    }
}
