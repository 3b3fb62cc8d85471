package org.lakepg.server.function.scalar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.RowValue;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.catalog.types.UserTypeRegistry;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * record_cmp / record_eq: rows compared field by field with each field type's default btree comparison; a NULL
 * field equals a NULL and sorts after any value (unlike ROW(...) = ROW(...), which is field-wise SQL equality).
 */
final class RecordOrder {
    private RecordOrder() {}

    private static final Map<Long, ScalarFunction> COMPARATORS = new ConcurrentHashMap<>();
    private static final BuiltinAnalyzerCatalog BUILTINS = new BuiltinAnalyzerCatalog();

    static int compare(Object a, Object b, boolean equality) {
        RowValue x = (RowValue) a;
        RowValue y = (RowValue) b;
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Object u = x.values()[i];
            Object v = y.values()[i];
            if (u == null || v == null) {
                if (u == null && v == null) {
                    continue;
                }
                return u == null ? 1 : -1;
            }
            if (x.fieldTypes()[i] != y.fieldTypes()[i] && !equality && !(u.getClass() == v.getClass())) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH,
                        "cannot compare dissimilar column types %s and %s at record column %d", name(x.fieldTypes()[i]),
                        name(y.fieldTypes()[i]), i + 1);
            }
            int c = compareValues(x.fieldTypes()[i], u, v);
            if (c != 0) {
                return c;
            }
        }
        if (x.size() != y.size()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot compare record types with different numbers of columns");
        }
        return 0;
    }

    /** record_image_cmp: field by field on the values' binary forms, unsigned bytes, shorter first. */
    static int compareImages(Object a, Object b) {
        RowValue x = (RowValue) a;
        RowValue y = (RowValue) b;
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Object u = x.values()[i];
            Object v = y.values()[i];
            if (u == null || v == null) {
                if (u == null && v == null) {
                    continue;
                }
                return u == null ? 1 : -1;
            }
            if (x.fieldTypes()[i] != y.fieldTypes()[i]) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH,
                        "cannot compare dissimilar column types %s and %s at record column %d",
                        name(x.fieldTypes()[i]), name(y.fieldTypes()[i]), i + 1);
            }
            byte[] p = org.lakepg.server.exec.expr.WireTypeIO.codec(x.fieldTypes()[i]).encodeBinaryUnchecked(u);
            byte[] q = org.lakepg.server.exec.expr.WireTypeIO.codec(y.fieldTypes()[i]).encodeBinaryUnchecked(v);
            int c = java.util.Arrays.compareUnsigned(p, q);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        if (x.size() != y.size()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot compare record types with different numbers of columns");
        }
        return 0;
    }

    static int compareValues(long type, Object u, Object v) {
        if (u instanceof RowValue) {
            return compare(u, v, false);
        }
        ScalarFunction cmp = COMPARATORS.computeIfAbsent(type, RecordOrder::comparator);
        return Integer.signum((Integer) cmp.apply(new Object[] {u, v}, null));
    }

    private static ScalarFunction comparator(long type) {
        long lookup = type;
        UserType user = UserTypeRegistry.find(type);
        if (user instanceof UserType.Domain d && d.oid() == type) {
            return COMPARATORS.computeIfAbsent(d.baseType(), RecordOrder::comparator);
        }
        if (user instanceof UserType.Enum e && e.oid() == type) {
            lookup = TypeOids.ANYENUM;
        } else if (user != null) {
            lookup = TypeOids.ANYARRAY;
        }
        var proc = BUILTINS.btreeComparison(lookup).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION,
                "could not identify a comparison function for type %s", name(type)));
        return FunctionRegistry.builtins().lookup(proc.source()).orElseThrow(() -> PgException.of(
                SqlState.FEATURE_NOT_SUPPORTED, "function %s is not implemented in lakepg yet", proc.name()));
    }

    private static String name(long type) {
        return org.lakepg.server.sql.analyzer.TypeNames.format(BUILTINS, type);
    }
}
