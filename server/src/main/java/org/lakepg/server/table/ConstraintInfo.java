package org.lakepg.server.table;

import java.util.List;

/**
 * A table constraint as pg_constraint describes it. {@code type} is PostgreSQL's contype: 'c' CHECK, 'f' FOREIGN
 * KEY, 'p' PRIMARY KEY, 'u' UNIQUE. {@code columns} are the constrained attnums (conkey); {@code checkExpr} the SQL
 * text of a CHECK condition; for a foreign key {@code refTable}/{@code refColumns} (confrelid/confkey) and the
 * actions as PostgreSQL's letters ('a' NO ACTION, 'r' RESTRICT, 'c' CASCADE, 'n' SET NULL, 'd' SET DEFAULT);
 * {@code indexOid} is the index of a key constraint (or the referenced key's index of a foreign key).
 */
public record ConstraintInfo(long oid, String name, long tableOid, char type, List<Short> columns, String checkExpr,
                             long refTable, List<Short> refColumns, char onUpdate, char onDelete, boolean deferrable,
                             boolean initiallyDeferred, long indexOid, char matchType) {

    public ConstraintInfo {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    public static final char CHECK = 'c';
    public static final char FOREIGN_KEY = 'f';
    public static final char PRIMARY_KEY = 'p';
    public static final char UNIQUE = 'u';

    public ConstraintInfo withOid(long newOid) {
        return new ConstraintInfo(newOid, name, tableOid, type, columns, checkExpr, refTable, refColumns, onUpdate,
                onDelete, deferrable, initiallyDeferred, indexOid, matchType);
    }

    public ConstraintInfo withColumns(List<Short> cols, List<Short> refCols) {
        return new ConstraintInfo(oid, name, tableOid, type, cols, checkExpr, refTable, refCols, onUpdate, onDelete,
                deferrable, initiallyDeferred, indexOid, matchType);
    }

    public ConstraintInfo withName(String newName) {
        return new ConstraintInfo(oid, newName, tableOid, type, columns, checkExpr, refTable, refColumns, onUpdate,
                onDelete, deferrable, initiallyDeferred, indexOid, matchType);
    }

    public ConstraintInfo withDeferrable(boolean isDeferrable, boolean isInitiallyDeferred) {
        return new ConstraintInfo(oid, name, tableOid, type, columns, checkExpr, refTable, refColumns, onUpdate,
                onDelete, isDeferrable, isInitiallyDeferred, indexOid, matchType);
    }

    public ConstraintInfo withCheckExpr(String expr) {
        return new ConstraintInfo(oid, name, tableOid, type, columns, expr, refTable, refColumns, onUpdate,
                onDelete, deferrable, initiallyDeferred, indexOid, matchType);
    }
}
