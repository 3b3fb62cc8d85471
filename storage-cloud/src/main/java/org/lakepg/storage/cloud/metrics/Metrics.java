package org.lakepg.storage.cloud.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Named latency histograms and counters of one process (compute or pageserver), so each hop of a transaction can
 * be timed where it happens and read from outside: {@link MetricsFile} writes them to a properties file that
 * scripts/cluster-bench reads before and after a run.
 */
public final class Metrics {

    private final Map<String, LatencyHistogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    public LatencyHistogram histogram(String name) {
        return histograms.computeIfAbsent(name, n -> new LatencyHistogram());
    }

    public LongAdder counter(String name) {
        return counters.computeIfAbsent(name, n -> new LongAdder());
    }

    /** A figure kept elsewhere (e.g. the S3 client's byte count), read when published. */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    /**
     * Every figure as properties: {@code counter.NAME}, {@code hist.NAME.count}, {@code hist.NAME.sum_us} and one
     * {@code hist.NAME.bucket.UPPER_US} per non-empty bucket (cumulative counts since the process started).
     */
    public Map<String, String> asProperties() {
        Map<String, String> out = new TreeMap<>();
        counters.forEach((name, value) -> out.put("counter." + name, Long.toString(value.sum())));
        gauges.forEach((name, value) -> out.put("counter." + name, Long.toString(value.getAsLong())));
        histograms.forEach((name, h) -> {
            LatencyHistogram.Snapshot s = h.snapshot();
            out.put("hist." + name + ".count", Long.toString(s.count()));
            out.put("hist." + name + ".sum_us", Long.toString(s.sumMicros()));
            for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
                if (s.counts()[i] != 0) {
                    out.put("hist." + name + ".bucket." + LatencyHistogram.upperMicros(i), Long.toString(s.counts()[i]));
                }
            }
        });
        return out;
    }

    /** One line for a log: count, mean, p50 and p99 of every histogram and each counter, since {@code earlier}. */
    public String summarySince(Map<String, LatencyHistogram.Snapshot> earlier, Map<String, Long> earlierCounters) {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(histograms).forEach((name, h) -> {
            LatencyHistogram.Snapshot now = h.snapshot();
            LatencyHistogram.Snapshot before = earlier.get(name);
            LatencyHistogram.Snapshot d = before == null ? now : now.minus(before);
            if (d.count() > 0) {
                line.append(String.format(" %s n=%d mean=%.2fms p50=%.2fms p99=%.2fms;", name, d.count(),
                        d.meanMicros() / 1000.0, d.percentileMicros(0.5) / 1000.0, d.percentileMicros(0.99) / 1000.0));
            }
        });
        counterValues().forEach((name, value) -> {
            long delta = value - earlierCounters.getOrDefault(name, 0L);
            if (delta != 0) {
                line.append(' ').append(name).append('=').append(delta).append(';');
            }
        });
        return line.toString().trim();
    }

    public Map<String, LatencyHistogram.Snapshot> histogramSnapshots() {
        Map<String, LatencyHistogram.Snapshot> out = new TreeMap<>();
        histograms.forEach((name, h) -> out.put(name, h.snapshot()));
        return out;
    }

    public Map<String, Long> counterValues() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((name, c) -> out.put(name, c.sum()));
        gauges.forEach((name, g) -> out.put(name, g.getAsLong()));
        return out;
    }
}
