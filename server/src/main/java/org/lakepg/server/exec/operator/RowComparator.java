package org.lakepg.server.exec.operator;

import java.util.Comparator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Orders rows by sort keys with each type's btree comparison function; NULLs sort last in
 * ascending order unless NULLS FIRST, as in PostgreSQL. Equal under this comparator means
 * "not distinct" for grouping, DISTINCT and set operations.
 */
public final class RowComparator implements Comparator<Object[]> {
    private final List<SortKey> keys;
    private final ScalarFunction[] compare;
    private final ExecContext context;

    public RowComparator(List<SortKey> keys, FunctionRegistry functions, ExecContext context) {
        this.keys = keys;
        this.context = context;
        this.compare = new ScalarFunction[keys.size()];
        for (int i = 0; i < compare.length; i++) {
            String source = keys.get(i).comparisonSource();
            compare[i] = functions.lookup(source).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "comparison function %s is not implemented in lakepg yet", source));
        }
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < compare.length; i++) {
            SortKey key = keys.get(i);
            Object x = a[key.column()];
            Object y = b[key.column()];
            int c;
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                c = x == null ? 1 : -1; // NULL is larger than any value
                if (key.nullsFirst() != key.descending()) {
                    c = -c;
                }
                if (key.descending()) {
                    c = -c;
                }
                return c;
            }
            c = ((Number) compare[i].apply(new Object[] {x, y}, context)).intValue();
            if (c != 0) {
                return key.descending() ? -Integer.signum(c) : Integer.signum(c);
            }
        }
        return 0;
    }
}
