package org.lakepg.server.catalog;

/**
 * A row of pg_type: what the analyzer needs to type expressions and what pg_catalog shows.
 * Procedure columns (input, output, ...) hold pg_proc OIDs, 0 when absent.
 */
public record TypeEntry(
        long oid,
        String name,
        long namespace,
        short length,
        boolean byValue,
        char kind,
        char category,
        boolean preferred,
        char delimiter,
        long relationOid,
        long subscriptProc,
        long elementType,
        long arrayType,
        long inputProc,
        long outputProc,
        long receiveProc,
        long sendProc,
        long typmodInProc,
        long typmodOutProc,
        char align,
        char storage,
        boolean notNull,
        long baseType,
        int typmod,
        int dimensions,
        long collation) {

    public static final char KIND_BASE = 'b';
    public static final char KIND_COMPOSITE = 'c';
    public static final char KIND_DOMAIN = 'd';
    public static final char KIND_ENUM = 'e';
    public static final char KIND_PSEUDO = 'p';
    public static final char KIND_RANGE = 'r';
    public static final char KIND_MULTIRANGE = 'm';

    /** A "true" array type: has an element type and subscripting by array_subscript_handler. */
    public boolean isArray() {
        // record[] is a pseudo-type by category but a true array (array_agg of rows, SEARCH/CYCLE paths)
        return elementType != 0 && length == -1 && (category == 'A' || oid == TypeOids.RECORD_ARRAY);
    }

    public boolean isDomain() {
        return kind == KIND_DOMAIN;
    }

    public boolean isPseudo() {
        return kind == KIND_PSEUDO;
    }
}
