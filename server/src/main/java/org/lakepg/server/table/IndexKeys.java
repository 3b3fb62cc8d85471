package org.lakepg.server.table;

import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.scalar.IntervalArithmetic;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Index keys from column values, in an encoding whose byte order is the SQL order (integers by
 * value, text in the "C" collation, NULLs last). Types without such an encoding cannot be indexed yet.
 */
public final class IndexKeys {
    private IndexKeys() {}

    public static boolean indexable(long type) {
        return type == TypeOids.INT2 || type == TypeOids.INT4 || type == TypeOids.INT8 || type == TypeOids.OID
                || type == TypeOids.BOOL || type == TypeOids.TEXT || type == TypeOids.VARCHAR
                || type == TypeOids.BPCHAR || type == TypeOids.NAME || type == TypeOids.DATE
                || type == TypeOids.TIMESTAMP || type == TypeOids.TIMESTAMPTZ || type == TypeOids.FLOAT8
                || type == TypeOids.FLOAT4 || type == TypeOids.INTERVAL || type == TypeOids.BYTEA
                || type == TypeOids.TIME || type == TypeOids.UUID || type == TypeOids.JSONB || type == TypeOids.NUMERIC
                || type == TypeOids.INET || type == TypeOids.CIDR || type == TypeOids.MACADDR || type == TypeOids.MACADDR8
                || type == TypeOids.TIMETZ || type == TypeOids.MONEY || type == TypeOids.CHAR || type == TypeOids.BIT
                || type == TypeOids.VARBIT || type == TypeOids.PG_LSN || oidLike(type) || indexableUserType(type)
                || indexableArray(type);
    }

    /** The reg* types, OIDs under another name. */
    private static boolean oidLike(long type) {
        return type == TypeOids.REGPROC || type == TypeOids.REGPROCEDURE || type == TypeOids.REGOPER
                || type == TypeOids.REGOPERATOR || type == TypeOids.REGCLASS || type == TypeOids.REGTYPE
                || type == TypeOids.REGNAMESPACE || type == TypeOids.REGROLE;
    }

    private static final org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog BUILTIN_TYPES =
            new org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog();

    /** Arrays of an indexable built-in element type (int[], text[] ...). */
    private static boolean indexableArray(long type) {
        return BUILTIN_TYPES.type(type).filter(org.lakepg.server.catalog.TypeEntry::isArray)
                .map(t -> t.elementType() != type && indexable(t.elementType())).orElse(false);
    }

    /** Enums (keyed by sort order) and domains over an indexable type. */
    private static boolean indexableUserType(long type) {
        var user = org.lakepg.server.catalog.types.UserTypeRegistry.find(type);
        if (user == null || user.oid() != type) {
            return false;
        }
        return user instanceof org.lakepg.server.catalog.types.UserType.Enum
                || user instanceof org.lakepg.server.catalog.types.UserType.Domain d && indexable(d.baseType())
                || user instanceof org.lakepg.server.catalog.types.UserType.Composite c
                && c.attributes().stream().allMatch(a -> indexable(a.type()) || a.type() == TypeOids.FLOAT8
                || a.type() == TypeOids.FLOAT4);
    }

    public static void requireIndexable(ColumnInfo column) {
        if (!indexable(column.type())) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "indexes on column \"%s\" of this type are not supported yet", column.name());
        }
    }

    /** The key of a table row (all table columns) for an index. */
    public static byte[] of(IndexInfo index, TableInfo table, Object[] row) {
        KeyEncoding key = KeyEncoding.key();
        if (index.expressions().isEmpty()) {
            for (int i = 0; i < index.columns().size(); i++) {
                short attnum = index.columns().get(i);
                add(key, table.columns().get(attnum - 1).type(), row[attnum - 1], order(index, i));
            }
            return key.build();
        }
        Object[] values = org.lakepg.server.index.IndexExpressions.keyValues(index, table, row);
        long[] types = org.lakepg.server.index.IndexExpressions.keyTypes(index, table);
        for (int i = 0; i < values.length; i++) {
            add(key, types[i], values[i], order(index, i));
        }
        return key.build();
    }

    /**
     * The keys a row is filed under in an index: one for a B-tree (or hash) index, a GIN index's entries (see
     * {@link org.lakepg.server.index.gin.GinEntries}).
     */
    public static java.util.List<byte[]> entries(IndexInfo index, TableInfo table, Object[] row) {
        return index.gin() ? org.lakepg.server.index.gin.GinEntries.of(index, table, row) : java.util.List.of(of(index, table, row));
    }

    /** Whether two versions of a row have the same keys in an index (a row a partial index leaves out has none). */
    public static boolean sameEntries(IndexInfo index, TableInfo table, Object[] oldRow, Object[] newRow) {
        if (!index.gin()) {
            return java.util.Arrays.equals(ofCovered(index, table, oldRow), ofCovered(index, table, newRow));
        }
        var before = covered(index, table, oldRow) ? entries(index, table, oldRow) : java.util.List.<byte[]>of();
        var after = covered(index, table, newRow) ? entries(index, table, newRow) : java.util.List.<byte[]>of();
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The key order of an index column: its DESC / NULLS FIRST options. */
    private static KeyEncoding.Order order(IndexInfo index, int position) {
        short option = index.option(position);
        return option == 0 ? KeyEncoding.Order.ASC
                : new KeyEncoding.Order((option & IndexInfo.DESC) != 0, (option & IndexInfo.NULLS_FIRST) != 0);
    }

    /** The key of one value of an index's first column, in that column's order (an equality search). */
    public static byte[] ofValue(IndexInfo index, long type, Object value) {
        KeyEncoding key = KeyEncoding.key();
        add(key, type, value, order(index, 0));
        return key.build();
    }

    /** The key bytes of one value of the index's key column at {@code position}, in that column's order. */
    public static byte[] ofValue(IndexInfo index, int position, long type, Object value) {
        KeyEncoding key = KeyEncoding.key();
        add(key, type, value, order(index, position));
        return key.build();
    }

    /** Whether the index's key column at {@code position} is DESC (its key bytes run opposite to its values). */
    public static boolean descending(IndexInfo index, int position) {
        return (index.option(position) & IndexInfo.DESC) != 0;
    }

    /**
     * The key of a row for a unique check of {@code index}: a row a partial index does not cover has a key no
     * indexed row has (an empty one), so it never counts as a duplicate.
     */
    public static byte[] ofCovered(IndexInfo index, TableInfo table, Object[] row) {
        return org.lakepg.server.index.IndexExpressions.covers(index, table, row) ? of(index, table, row) : new byte[0];
    }

    /** Whether a partial index covers a row (every other index covers every row). */
    /** Whether the row's key in the index has a NULL (such keys never conflict in a unique index). */
    public static boolean hasNull(IndexInfo index, TableInfo table, Object[] row) {
        if (index.plain()) {
            for (short c : index.columns()) {
                if (row[c - 1] == null) {
                    return true;
                }
            }
            return false;
        }
        for (Object value : org.lakepg.server.index.IndexExpressions.keyValues(index, table, row)) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    public static boolean covered(IndexInfo index, TableInfo table, Object[] row) {
        return index.predicate() == null || org.lakepg.server.index.IndexExpressions.covers(index, table, row);
    }

    /** Whether a key type has an order-preserving encoding (the result of an index expression). */
    public static boolean indexableType(long type) {
        return indexable(type) || type == TypeOids.FLOAT8 || type == TypeOids.FLOAT4;
    }

    /** Key and detail text of a row for an index: "(lower(name))=(abc)", as PostgreSQL's unique violations show it. */
    public static String detail(IndexInfo index, TableInfo table, Object[] row) {
        if (index.expressions().isEmpty()) {
            return RowText.key(table, index.columns(), row);
        }
        Object[] values = org.lakepg.server.index.IndexExpressions.keyValues(index, table, row);
        long[] types = org.lakepg.server.index.IndexExpressions.keyTypes(index, table);
        StringBuilder names = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int expression = 0;
        for (int i = 0; i < values.length; i++) {
            short attnum = index.columns().get(i);
            names.append(i == 0 ? "" : ", ").append(attnum == 0 ? index.expressions().get(expression++)
                    : table.columns().get(attnum - 1).name());
            text.append(i == 0 ? "" : ", ").append(RowText.value(types[i], values[i]));
        }
        return "(" + names + ")=(" + text + ")";
    }

    /** The key of one value of an index's first column (an equality search on a single-column index). */
    public static byte[] ofValue(long type, Object value) {
        KeyEncoding key = KeyEncoding.key();
        add(key, type, value, KeyEncoding.Order.ASC);
        return key.build();
    }

    private static void add(KeyEncoding key, long type, Object value) {
        add(key, type, value, KeyEncoding.Order.ASC);
    }

    private static void add(KeyEncoding key, long type, Object value, KeyEncoding.Order order) {
        if (value == null) {
            key.addLong(null, order);
            return;
        }
        switch (value) {
            case Short s -> key.addLong(s.longValue(), order);
            case Integer i -> key.addLong(i.longValue(), order);
            case Long l when type == TypeOids.PG_LSN -> TypedKeys.unsigned(key, l, order);
            case Long l -> key.addLong(l, order);
            case Byte b -> key.addLong((long) (b & 0xFF), order); // "char" compares unsigned
            case Boolean b -> key.addLong(b ? 1L : 0L, order);
            case Double d -> key.addLong(floatKey(d), order);
            case Float f -> key.addLong(floatKey(f.doubleValue()), order);
            case org.lakepg.server.catalog.types.EnumValue e -> key.addLong(enumKey(e), order);
            // a row sorts field by field: the fields' keys one after the other
            case org.lakepg.server.catalog.types.RowValue r -> {
                for (int i = 0; i < r.size(); i++) {
                    add(key, r.fieldTypes()[i], r.values()[i], order);
                }
            }
            case String s -> key.addText(type == TypeOids.BPCHAR ? s.stripTrailing() : s, order);
            case org.lakepg.wire.types.PgArray a -> arrayKey(key, a, order);
            case org.lakepg.wire.types.Jsonb j -> JsonbKeys.add(key, j, order);
            case org.lakepg.wire.types.PgNumeric n -> TypedKeys.numeric(key, n, order);
            case org.lakepg.wire.types.PgInet ip -> TypedKeys.inet(key, ip, order);
            case org.lakepg.wire.types.PgTimeTz t -> TypedKeys.timeTz(key, t, order);
            case org.lakepg.wire.types.PgBitString b -> TypedKeys.bits(key, b, order);
            case org.lakepg.wire.types.PgMacaddr m -> TypedKeys.unsigned(key, m.bits(), order);
            case byte[] b -> key.addBytes(b, order);
            // a column of two parts: each part carries its own non-null marker, which keeps the order.
            // uuids compare as unsigned bytes: the sign flip addLong applies is undone first
            case java.util.UUID u -> {
                key.addLong(u.getMostSignificantBits() ^ Long.MIN_VALUE, order);
                key.addLong(u.getLeastSignificantBits() ^ Long.MIN_VALUE, order);
            }
            case org.lakepg.wire.types.PgInterval iv -> {
                key.addLong(IntervalArithmetic.comparableDays(iv), order);
                key.addLong(IntervalArithmetic.comparableMicros(iv), order);
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "index keys of %s are not supported yet",
                    value.getClass().getSimpleName());
        }
    }

    /**
     * An array sorts as btarraycmp does: element by element (a NULL after any value), a shorter array before a longer
     * one it begins, then by number of dimensions, each dimension's length and lower bound.
     */
    private static void arrayKey(KeyEncoding key, org.lakepg.wire.types.PgArray a, KeyEncoding.Order order) {
        for (Object element : a.elements()) {
            key.addLong(1L, order); // an element follows: sorts after the end marker below
            add(key, a.elementOid(), element, order);
        }
        key.addLong(0L, order);
        key.addLong((long) a.dimensionCount(), order);
        for (int d = 0; d < a.dimensionCount(); d++) {
            key.addLong((long) a.dims()[d], order);
            key.addLong((long) a.lowerBounds()[d], order);
        }
    }

    /** An enum value sorts by its label's sort order, a float4 mapped to a long of the same order. */
    private static long enumKey(org.lakepg.server.catalog.types.EnumValue e) {
        var type = org.lakepg.server.catalog.types.UserTypeRegistry.enumType(e.type());
        float order = type.labels().get(Math.max(0, type.position(e.label()))).sortOrder();
        int bits = Float.floatToIntBits(order);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }

    /** A float8 as a long of the same order (-0 equal to 0, NaN above everything, as PostgreSQL sorts them). */
    private static long floatKey(double d) {
        long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFFFFFFFFFFL;
    }
}
