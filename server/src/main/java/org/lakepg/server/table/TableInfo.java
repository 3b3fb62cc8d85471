package org.lakepg.server.table;

import java.util.List;

/**
 * A table as the catalog knows it: OID, name, schema, the relations its rows (and large values) live in, its
 * columns, its persistence ('p' permanent, 't' temporary: private to the session that owns its namespace) and its
 * storage parameters (pg_class.reloptions, "name=value" each); {@code arrayType} is the OID of the array type of
 * its row type (0 for tables made before lakepg gave them one). {@code droppedAttnums} are the attribute numbers
 * PostgreSQL would keep for the columns dropped so far (its rows keep a slot for them; lakepg's rows do not): a live
 * column's PostgreSQL attnum skips them ({@link #attnum}), and two tables have the same row layout only when they
 * agree on them too ({@link #sameLayout}). {@code rowType} is the OID of its row type in pg_type (0 for tables made
 * before lakepg gave it its own: their row type has the table's OID, {@link #typeOid}).
 */
public record TableInfo(long oid, String name, long namespace, int relation, int toastRelation,
                        List<ColumnInfo> columns, char persistence, List<String> options, long arrayType,
                        List<Short> droppedAttnums, long rowType) {

    /** PostgreSQL's TOAST_TUPLE_TARGET: rows longer than this move large values out of line. */
    public static final int DEFAULT_TOAST_TUPLE_TARGET = 2032;

    public TableInfo {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
        droppedAttnums = List.copyOf(droppedAttnums);
    }

    public TableInfo(long oid, String name, long namespace, int relation, int toastRelation, List<ColumnInfo> columns,
                     char persistence, List<String> options, long arrayType) {
        this(oid, name, namespace, relation, toastRelation, columns, persistence, options, arrayType, List.of(), 0);
    }

    /** The OID of the table's row type (pg_class.reltype). */
    public long typeOid() {
        return rowType != 0 ? rowType : oid;
    }

    /** PostgreSQL's attnum of the column at this (1-based) position of {@link #columns}. */
    public int attnum(int position) {
        int attnum = 0;
        for (int seen = 0; seen < position; ) {
            attnum++;
            if (!droppedAttnums.contains((short) attnum)) {
                seen++;
            }
        }
        return attnum;
    }

    /** The table after the column at this (1-based) position is dropped: its attnum is kept as a dropped one. */
    public TableInfo withDroppedColumn(int position) {
        List<Short> dropped = new java.util.ArrayList<>(droppedAttnums);
        dropped.add((short) attnum(position));
        dropped.sort(null);
        return new TableInfo(oid, name, namespace, relation, toastRelation, columns, persistence, options, arrayType,
                dropped, rowType);
    }

    /**
     * Whether rows of the two tables have the same layout in PostgreSQL (the same attributes, dropped ones
     * included, at the same numbers), so a row of one is stored in the other without conversion (PostgreSQL's
     * build_attrmap_by_name_if_req finds no map needed).
     */
    public static boolean sameLayout(TableInfo a, TableInfo b) {
        if (a.columns.size() + a.droppedAttnums.size() != b.columns.size() + b.droppedAttnums.size()
                || !a.droppedAttnums.equals(b.droppedAttnums)) {
            return false;
        }
        for (int i = 0; i < a.columns.size(); i++) {
            ColumnInfo x = a.columns.get(i);
            ColumnInfo y = b.columns.get(i);
            if (!x.name().equals(y.name()) || x.type() != y.type()) {
                return false;
            }
        }
        return true;
    }

    public TableInfo(long oid, String name, long namespace, int relation, int toastRelation, List<ColumnInfo> columns,
                     char persistence) {
        this(oid, name, namespace, relation, toastRelation, columns, persistence, List.of(), 0);
    }

    /** The storage parameter toast_tuple_target, else PostgreSQL's default. */
    public int toastTupleTarget() {
        for (String o : options) {
            if (o.startsWith("toast_tuple_target=")) {
                return Integer.parseInt(o.substring("toast_tuple_target=".length()));
            }
        }
        return DEFAULT_TOAST_TUPLE_TARGET;
    }

    public TableInfo withOptions(List<String> newOptions) {
        return new TableInfo(oid, name, namespace, relation, toastRelation, columns, persistence, newOptions, arrayType,
                droppedAttnums, rowType);
    }

    public TableInfo(long oid, String name, long namespace, int relation, int toastRelation, List<ColumnInfo> columns) {
        this(oid, name, namespace, relation, toastRelation, columns, 'p');
    }

    public long[] columnTypes() {
        long[] types = new long[columns.size()]; // a loop: every index scan asks, a stream cost 1% of select-only
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }

    public boolean temporary() {
        return persistence == 't';
    }

    public java.util.Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
