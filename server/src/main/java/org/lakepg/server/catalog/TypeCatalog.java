package org.lakepg.server.catalog;

import java.util.Optional;

/** What type checking needs from a catalog: types and casts (built-in and user-defined). */
public interface TypeCatalog {

    Optional<TypeEntry> type(long oid);

    Optional<CastEntry> cast(long source, long target);

    /** pg_range.rngsubtype of a range type; 0 for other types. */
    default long rangeSubtype(long rangeType) {
        return 0;
    }

    /** The range type a multirange type is made of; 0 for other types. */
    default long multirangeRange(long multirangeType) {
        return 0;
    }

    /**
     * The schema name to print before a type's name (format_type), or null when an unqualified name finds the type:
     * its schema is pg_catalog or on search_path (or the caller has no search_path at hand).
     */
    default String qualifier(TypeEntry type) {
        return null;
    }

    default TypeEntry requireType(long oid) {
        return type(oid).orElseThrow(() -> new IllegalArgumentException("cache lookup failed for type " + oid));
    }
}
