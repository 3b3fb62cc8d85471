package org.lakepg.server.table;

import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.catalog.TypeOids;
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
                || type == TypeOids.TIMESTAMP || type == TypeOids.TIMESTAMPTZ || indexableUserType(type)
                || indexableArray(type);
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
        for (short attnum : index.columns()) {
            add(key, table.columns().get(attnum - 1).type(), row[attnum - 1]);
        }
        return key.build();
    }

    /** The key of one value of an index's first column (an equality search on a single-column index). */
    public static byte[] ofValue(long type, Object value) {
        KeyEncoding key = KeyEncoding.key();
        add(key, type, value);
        return key.build();
    }

    private static void add(KeyEncoding key, long type, Object value) {
        if (value == null) {
            key.addLong(null, KeyEncoding.Order.ASC);
            return;
        }
        switch (value) {
            case Short s -> key.addLong(s.longValue(), KeyEncoding.Order.ASC);
            case Integer i -> key.addLong(i.longValue(), KeyEncoding.Order.ASC);
            case Long l -> key.addLong(l, KeyEncoding.Order.ASC);
            case Boolean b -> key.addLong(b ? 1L : 0L, KeyEncoding.Order.ASC);
            case Double d -> key.addLong(floatKey(d), KeyEncoding.Order.ASC);
            case Float f -> key.addLong(floatKey(f.doubleValue()), KeyEncoding.Order.ASC);
            case org.lakepg.server.catalog.types.EnumValue e -> key.addLong(enumKey(e), KeyEncoding.Order.ASC);
            // a row sorts field by field: the fields' keys one after the other
            case org.lakepg.server.catalog.types.RowValue r -> {
                for (int i = 0; i < r.size(); i++) {
                    add(key, r.fieldTypes()[i], r.values()[i]);
                }
            }
            case String s -> key.addText(type == TypeOids.BPCHAR ? s.stripTrailing() : s, KeyEncoding.Order.ASC);
            case org.lakepg.wire.types.PgArray a -> arrayKey(key, a);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "index keys of %s are not supported yet",
                    value.getClass().getSimpleName());
        }
    }

    /**
     * An array sorts as btarraycmp does: element by element (a NULL after any value), a shorter array before a longer
     * one it begins, then by number of dimensions, each dimension's length and lower bound.
     */
    private static void arrayKey(KeyEncoding key, org.lakepg.wire.types.PgArray a) {
        for (Object element : a.elements()) {
            key.addLong(1L, KeyEncoding.Order.ASC); // an element follows: sorts after the end marker below
            add(key, a.elementOid(), element);
        }
        key.addLong(0L, KeyEncoding.Order.ASC);
        key.addLong((long) a.dimensionCount(), KeyEncoding.Order.ASC);
        for (int d = 0; d < a.dimensionCount(); d++) {
            key.addLong((long) a.dims()[d], KeyEncoding.Order.ASC);
            key.addLong((long) a.lowerBounds()[d], KeyEncoding.Order.ASC);
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
