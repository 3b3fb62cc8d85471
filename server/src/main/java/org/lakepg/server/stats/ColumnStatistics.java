package org.lakepg.server.stats;

import java.util.List;

/**
 * What ANALYZE learned about one column, as pg_statistic keeps it: the fraction of NULLs, the average
 * width in bytes, the number of distinct values ({@code nDistinct} &lt; 0 is minus a fraction of the rows,
 * as stadistinct, so it scales with the table), the most common values with their frequencies, and
 * histogram bounds that split the other values into equally populated buckets. Values are lakepg's
 * Java values; {@code histogram} is empty when the type has no usable order. {@code correlation} (null when not
 * known) is how closely the values' order follows the rows' physical order, from -1 to 1, as stanumbers of
 * PostgreSQL's STATISTIC_KIND_CORRELATION.
 */
public record ColumnStatistics(double nullFrac, int avgWidth, double nDistinct, List<Object> mcvValues,
                               List<Double> mcvFrequencies, List<Object> histogram, Double correlation) {

    public ColumnStatistics(double nullFrac, int avgWidth, double nDistinct, List<Object> mcvValues,
                            List<Double> mcvFrequencies, List<Object> histogram) {
        this(nullFrac, avgWidth, nDistinct, mcvValues, mcvFrequencies, histogram, null);
    }

    public ColumnStatistics {
        if (mcvValues.size() != mcvFrequencies.size()) {
            throw new IllegalArgumentException("one frequency per most common value");
        }
        mcvValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(mcvValues));
        mcvFrequencies = List.copyOf(mcvFrequencies);
        histogram = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(histogram));
    }

    /** The number of distinct values in a table of {@code rows} rows. */
    public double distinct(double rows) {
        return nDistinct >= 0 ? nDistinct : Math.max(1, -nDistinct * rows);
    }

    /** The sum of the most common values' frequencies. */
    public double mcvTotal() {
        return mcvFrequencies.stream().mapToDouble(Double::doubleValue).sum();
    }
}
