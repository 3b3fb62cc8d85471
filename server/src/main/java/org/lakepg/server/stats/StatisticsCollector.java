package org.lakepg.server.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ANALYZE's arithmetic (PostgreSQL's analyze.c with default_statistics_target 100): a reservoir sample
 * of up to 30,000 rows, then per column the NULL fraction, average width, number of distinct values
 * (exact when the sample is the whole table, else the Haas-Stokes estimator), up to 100 most common
 * values and a histogram of up to 101 bounds over the rest.
 */
public final class StatisticsCollector {
    static final int TARGET = 100;
    static final int SAMPLE_ROWS = 300 * TARGET;

    private StatisticsCollector() {}

    /** Statistics of the rows (each of {@code columns} values; more are ignored) of a table of {@code pages} pages. */
    public static RelationStatistics collect(Iterator<Object[]> rows, int columns, long pages) {
        List<Object[]> sample = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        long total = 0;
        Random random = new Random(0);
        while (rows.hasNext()) {
            Object[] row = rows.next();
            total++;
            if (sample.size() < SAMPLE_ROWS) {
                sample.add(row);
                positions.add(total);
            } else {
                long slot = (long) (random.nextDouble() * total);
                if (slot < SAMPLE_ROWS) {
                    sample.set((int) slot, row);
                    positions.set((int) slot, total);
                }
            }
        }
        if (total > SAMPLE_ROWS) {
            // back in physical order, as analyze.c sorts its sample by TID: the correlation compares with it
            Integer[] order = new Integer[sample.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(positions::get));
            List<Object[]> sorted = new ArrayList<>(order.length);
            for (Integer i : order) {
                sorted.add(sample.get(i));
            }
            sample = sorted;
        }
        List<ColumnStatistics> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            out.add(sample.isEmpty() ? null : column(sample, c, total));
        }
        return new RelationStatistics(total, pages, out);
    }

    private static ColumnStatistics column(List<Object[]> sample, int column, long totalRows) {
        int n = sample.size();
        Map<Object, int[]> counts = new HashMap<>();
        int nulls = 0;
        long widths = 0;
        for (Object[] row : sample) {
            Object v = column < row.length ? row[column] : null;
            if (v == null) {
                nulls++;
                continue;
            }
            if (v.getClass().isArray()) {
                return null; // arrays have no value equality here; PostgreSQL's array statistics are not kept
            }
            widths += width(v);
            counts.computeIfAbsent(v, k -> new int[1])[0]++;
        }
        int nonNull = n - nulls;
        double nullFrac = (double) nulls / n;
        int avgWidth = nonNull == 0 ? 0 : (int) Math.round((double) widths / nonNull);
        int distinct = counts.size();
        if (nonNull == 0) {
            return new ColumnStatistics(nullFrac, 0, 0, List.of(), List.of(), List.of());
        }
        int singletons = 0;
        for (int[] count : counts.values()) {
            if (count[0] == 1) {
                singletons++;
            }
        }
        double nDistinct;
        if (singletons == distinct) {
            nDistinct = -1.0 * (1.0 - nullFrac); // every value unique: a key
        } else if (n == totalRows) {
            nDistinct = distinct;
        } else {
            // Haas and Stokes' Duj1 estimator, as analyze.c uses it
            double numer = (double) nonNull * distinct;
            double denom = (nonNull - singletons) + (double) singletons * nonNull / totalRows;
            nDistinct = Math.min(Math.max(numer / denom, distinct), (double) totalRows * (1 - nullFrac));
            nDistinct = Math.floor(nDistinct + 0.5);
        }
        if (nDistinct > 0 && nDistinct > 0.1 * totalRows) {
            nDistinct = -(nDistinct / totalRows); // scale with the table's growth
        }
        List<Map.Entry<Object, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Comparator.comparingInt((Map.Entry<Object, int[]> e) -> -e.getValue()[0]));
        List<Object> mcv = new ArrayList<>();
        List<Double> freqs = new ArrayList<>();
        boolean allFit = distinct <= TARGET && singletons == 0 && n == totalRows;
        double average = (double) nonNull / distinct;
        for (Map.Entry<Object, int[]> e : byCount) {
            int count = e.getValue()[0];
            if (mcv.size() >= TARGET || count < 2 || !allFit && count < 1.25 * average) {
                break;
            }
            mcv.add(e.getKey());
            freqs.add((double) count / n);
        }
        return new ColumnStatistics(nullFrac, avgWidth, nDistinct, mcv, freqs, histogram(counts, mcv),
                correlation(sample, column));
    }

    /**
     * The correlation between the sampled values' sort order and their physical order (compute_scalar_stats:
     * ties in sample order), null when the values have no single order or fewer than two are not NULL.
     */
    private static Double correlation(List<Object[]> sample, int column) {
        List<Object> values = new ArrayList<>();
        Class<?> kind = null;
        for (Object[] row : sample) {
            Object v = column < row.length ? row[column] : null;
            if (v == null) {
                continue;
            }
            if (!(v instanceof Comparable<?>) || kind != null && kind != v.getClass()) {
                return null;
            }
            kind = v.getClass();
            values.add(v);
        }
        int n = values.size();
        if (n < 2) {
            return null;
        }
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Integer> order = (a, b) -> ((Comparable) values.get(a)).compareTo(values.get(b));
            Arrays.sort(byValue, order); // stable: equal values keep their physical order
        } catch (ClassCastException e) {
            return null;
        }
        double xySum = 0;
        for (int i = 0; i < n; i++) {
            xySum += (double) i * byValue[i];
        }
        double xSum = (n - 1.0) * n / 2.0;
        double x2Sum = (n - 1.0) * n * (2.0 * n - 1.0) / 6.0;
        return (double) (float) ((n * xySum - xSum * xSum) / (n * x2Sum - xSum * xSum));
    }

    /** Up to 101 bounds over the sampled values that are not most common, when the values have one order. */
    private static List<Object> histogram(Map<Object, int[]> counts, List<Object> mcv) {
        List<Object> rest = new ArrayList<>();
        java.util.Set<Object> common = new java.util.HashSet<>(mcv);
        Class<?> kind = null;
        for (Map.Entry<Object, int[]> e : counts.entrySet()) {
            Object v = e.getKey();
            if (common.contains(v)) {
                continue;
            }
            if (!(v instanceof Comparable<?>) || kind != null && kind != v.getClass()) {
                return List.of();
            }
            kind = v.getClass();
            for (int i = 0; i < e.getValue()[0]; i++) {
                rest.add(v);
            }
        }
        if (counts.size() - mcv.size() < 2) {
            return List.of();
        }
        Object[] sorted = rest.toArray();
        try {
            Arrays.sort(sorted);
        } catch (ClassCastException e) {
            return List.of();
        }
        int bounds = Math.min(TARGET + 1, counts.size() - mcv.size());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < bounds; i++) {
            out.add(sorted[(int) ((long) i * (sorted.length - 1) / (bounds - 1))]);
        }
        return out;
    }

    /** Bytes the value takes stored (a short varlena header for text, as PostgreSQL counts stawidth). */
    static int width(Object v) {
        return switch (v) {
            case Boolean b -> 1;
            case Short s -> 2;
            case Integer i -> 4;
            case Float f -> 4;
            case Long l -> 8;
            case Double d -> 8;
            case String s -> s.length() + 1;
            case java.math.BigDecimal d -> 5 + d.precision() / 2;
            default -> 8;
        };
    }
}
