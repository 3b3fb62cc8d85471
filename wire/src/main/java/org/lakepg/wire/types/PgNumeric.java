package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A numeric value as PostgreSQL keeps it: a decimal whose scale is the display scale
 * ({@code 1.50} stays {@code 1.50}), or NaN, +Infinity or -Infinity.
 *
 * @param kind  which of the four
 * @param value the decimal for {@link Kind#FINITE} (scale >= 0), null otherwise
 */
public record PgNumeric(Kind kind, BigDecimal value) implements Comparable<PgNumeric> {

    public enum Kind { NEGATIVE_INFINITY, FINITE, POSITIVE_INFINITY, NAN }

    public static final PgNumeric NAN = new PgNumeric(Kind.NAN, null);
    public static final PgNumeric POSITIVE_INFINITY = new PgNumeric(Kind.POSITIVE_INFINITY, null);
    public static final PgNumeric NEGATIVE_INFINITY = new PgNumeric(Kind.NEGATIVE_INFINITY, null);

    public PgNumeric {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FINITE) != (value != null)) {
            throw new IllegalArgumentException("a value is required exactly for finite numerics");
        }
        if (value != null && value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static PgNumeric of(BigDecimal value) {
        return new PgNumeric(Kind.FINITE, value);
    }

    public static PgNumeric of(String plainDecimal) {
        return of(new BigDecimal(plainDecimal));
    }

    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    public boolean isNaN() {
        return kind == Kind.NAN;
    }

    /** The display scale (0 for the special values). */
    public int displayScale() {
        return value == null ? 0 : value.scale();
    }

    /** PostgreSQL's ordering: -Infinity < finite < +Infinity < NaN; equal values of different scale compare equal. */
    @Override
    public int compareTo(PgNumeric other) {
        if (kind != other.kind || kind != Kind.FINITE) {
            return kind.compareTo(other.kind);
        }
        return value.compareTo(other.value);
    }

    /** numeric_out. */
    @Override
    public String toString() {
        return switch (kind) {
            case NAN -> "NaN";
            case POSITIVE_INFINITY -> "Infinity";
            case NEGATIVE_INFINITY -> "-Infinity";
            case FINITE -> value.toPlainString();
        };
    }
}
