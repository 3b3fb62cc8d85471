package org.lakepg.server.table;

import java.util.List;

/**
 * An index of a table. {@code columns} are its key columns in key order: a table attnum, or 0 for an expression
 * (the next of {@code expressions}, in the SQL text pg_get_expr prints, which parses back to the expression).
 * {@code include} are the non-key columns of INCLUDE; {@code predicate} the WHERE of a partial index (null for
 * none). {@code method} is the access method the index was created with ("btree" or "hash"); lakepg stores every
 * index as a B-tree, which serves both. {@code options} are pg_index.indoption's flags per key column
 * ({@link #DESC}, {@link #NULLS_FIRST}); empty when all are ascending, nulls last. A "gin" index is a B-tree of
 * (entry, tid) pairs (see {@code index.gin}); its columns' options hold {@link #JSONB_PATH_OPS} for the one
 * non-default operator class, which pg_index shows in indclass, not indoption.
 */
public record IndexInfo(long oid, String name, long tableOid, int relation, boolean unique, boolean primary,
                        List<Short> columns, String method, List<Short> include, List<String> expressions,
                        String predicate, List<Short> options) {

    public static final String BTREE = "btree";
    public static final short DESC = 1;
    public static final short NULLS_FIRST = 2;
    public static final String GIN = "gin";
    /** A GIN key column's operator class is jsonb_path_ops (lakepg-internal flag, never in indoption). */
    public static final short JSONB_PATH_OPS = 4;

    public IndexInfo {
        columns = List.copyOf(columns);
        method = method == null ? BTREE : method;
        include = include == null ? List.of() : List.copyOf(include);
        expressions = expressions == null ? List.of() : List.copyOf(expressions);
        options = options == null || options.stream().allMatch(o -> o == 0) ? List.of() : List.copyOf(options);
    }

    public IndexInfo(long oid, String name, long tableOid, int relation, boolean unique, boolean primary,
                     List<Short> columns, String method, List<Short> include, List<String> expressions,
                     String predicate) {
        this(oid, name, tableOid, relation, unique, primary, columns, method, include, expressions, predicate, List.of());
    }

    /** A plain B-tree over table columns. */
    public IndexInfo(long oid, String name, long tableOid, int relation, boolean unique, boolean primary,
                     List<Short> columns) {
        this(oid, name, tableOid, relation, unique, primary, columns, BTREE, List.of(), List.of(), null);
    }

    /** indoption of the key column at {@code position} (0-based). */
    public short option(int position) {
        return position < options.size() ? options.get(position) : 0;
    }

    public IndexInfo withOptions(List<Short> newOptions) {
        return new IndexInfo(oid, name, tableOid, relation, unique, primary, columns, method, include, expressions,
                predicate, newOptions);
    }

    /** Whether the key is only table columns, with every row indexed (what most callers of {@link #columns} expect). */
    public boolean plain() {
        return expressions.isEmpty() && predicate == null;
    }

    public boolean gin() {
        return GIN.equals(method);
    }

    public boolean partial() {
        return predicate != null;
    }

    /** Key and INCLUDE columns, as pg_index.indkey lists them. */
    public List<Short> allColumns() {
        if (include.isEmpty()) {
            return columns;
        }
        List<Short> out = new java.util.ArrayList<>(columns);
        out.addAll(include);
        return out;
    }

    public IndexInfo withName(String newName) {
        return new IndexInfo(oid, newName, tableOid, relation, unique, primary, columns, method, include, expressions,
                predicate, options);
    }

    public IndexInfo withRelation(int newRelation, List<Short> newColumns, List<Short> newInclude) {
        return new IndexInfo(oid, name, tableOid, newRelation, unique, primary, newColumns, method, newInclude,
                expressions, predicate, options);
    }
}
