package org.lakepg.server.catalog.types;

import java.util.Objects;

/**
 * A value of a range type: bounds (null when infinite), whether each is inclusive, or empty. Discrete ranges
 * (int4range, int8range, daterange) are kept canonical, [lower, upper), so equal ranges have equal values.
 */
public record RangeValue(long type, Object lower, Object upper, boolean lowerInclusive, boolean upperInclusive,
                         boolean lowerInfinite, boolean upperInfinite, boolean empty) {

    public static RangeValue empty(long type) {
        return new RangeValue(type, null, null, false, false, false, false, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeValue r && empty == r.empty && (empty || lowerInclusive == r.lowerInclusive
                && upperInclusive == r.upperInclusive && lowerInfinite == r.lowerInfinite
                && upperInfinite == r.upperInfinite && Objects.equals(lower, r.lower) && Objects.equals(upper, r.upper));
    }

    @Override
    public int hashCode() {
        return empty ? 0 : Objects.hash(lower, upper, lowerInclusive, upperInclusive);
    }
}
