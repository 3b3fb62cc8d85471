package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.plan.ExprTypes;

/**
 * Hashable join keys that are equal exactly when PostgreSQL's = between the two key types is true: both sides are
 * brought to the comparison domain of their types first (int4 = int8 as longs, int = numeric as numerics, ...).
 */
final class JoinKeys {

    private final int[] columns;
    private final ExprTypes.Domain[] domains;

    JoinKeys(int[] columns, PgType[] ownTypes, PgType[] otherTypes) {
        this.columns = columns;
        this.domains = new ExprTypes.Domain[columns.length];
        for (int k = 0; k < columns.length; k++) {
            domains[k] = ExprTypes.comparisonDomain(ownTypes[k], otherTypes[k]);
        }
    }

    /** The key of row {@code row}, or null if any key column is NULL (such rows never match). */
    Object keyOf(ColumnVector[] vectors, int row) {
        if (columns.length == 1) {
            return part(vectors[0], row, domains[0]);
        }
        Object[] parts = new Object[columns.length];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = part(vectors[k], row, domains[k]);
            if (parts[k] == null) {
                return null;
            }
        }
        return new Composite(parts);
    }

    ColumnVector[] vectors(org.lakepg.analytics.batch.Batch batch) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = batch.column(columns[k]);
        }
        return out;
    }

    private static Object part(ColumnVector v, int row, ExprTypes.Domain domain) {
        Object value = v.get(row);
        if (value == null) {
            return null;
        }
        return switch (domain) {
            case DECIMAL -> ValueOrder.equalityKey(value instanceof BigDecimal d ? d
                    : BigDecimal.valueOf(((Number) value).longValue()));
            case DOUBLE -> ValueOrder.equalityKey(((Number) value).doubleValue());
            default -> ValueOrder.equalityKey(value);
        };
    }

    private record Composite(Object[] parts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Composite c && Arrays.equals(parts, c.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }
    }
}
