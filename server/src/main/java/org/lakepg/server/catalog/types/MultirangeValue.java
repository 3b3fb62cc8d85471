package org.lakepg.server.catalog.types;

import java.util.List;

/**
 * A value of a multirange type: non-empty ranges in order, none overlapping or adjacent (multirange_canonicalize).
 * {@code type} is the multirange type, 0 when unknown (an empty multirange from a constructor without arguments).
 */
public record MultirangeValue(long type, List<RangeValue> ranges) {
    public MultirangeValue {
        ranges = List.copyOf(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultirangeValue m && ranges.equals(m.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }
}
