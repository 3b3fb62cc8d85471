package org.lakepg.analytics.parquet;

import java.util.Objects;

/**
 * A condition on one column that row-group statistics and dictionaries can decide ("no row here can match"):
 * {@code column op literal}, or IS [NOT] NULL (literal null). Used only to skip row groups; the filter above the
 * scan still evaluates the full predicate.
 */
public record ColumnPredicate(int column, Op op, Object literal) {

    /** Comparison operators; IS_NULL/IS_NOT_NULL take no literal. */
    public enum Op { EQ, NE, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL }

    public ColumnPredicate {
        Objects.requireNonNull(op, "op");
        if ((op == Op.IS_NULL || op == Op.IS_NOT_NULL) != (literal == null)) {
            throw new IllegalArgumentException(op + (literal == null ? " needs a literal" : " takes no literal"));
        }
    }
}
