package org.lakepg.storage.cloud.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

    @TempDir
    Path dir;

    @Test
    void theFileHoldsCountersGaugesAndEveryNonEmptyBucket() throws IOException {
        Metrics metrics = new Metrics();
        metrics.counter("quorum_rounds").add(3);
        metrics.gauge("s3_bytes_put", () -> 4096);
        LatencyHistogram commits = metrics.histogram("commit_flush");
        commits.recordNanos(2_000_000);
        commits.recordNanos(2_000_000);
        commits.recordNanos(40_000_000);
        Path file = dir.resolve("sub").resolve("metrics.properties");
        try (MetricsFile published = MetricsFile.start(metrics, file, "test", 0)) {
            published.write();
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            assertThat(p.getProperty("counter.quorum_rounds")).isEqualTo("3");
            assertThat(p.getProperty("counter.s3_bytes_put")).isEqualTo("4096");
            assertThat(p.getProperty("hist.commit_flush.count")).isEqualTo("3");
            assertThat(p.getProperty("hist.commit_flush.sum_us")).isEqualTo("44000");
            long bucketed = p.stringPropertyNames().stream().filter(k -> k.startsWith("hist.commit_flush.bucket."))
                    .mapToLong(k -> Long.parseLong(p.getProperty(k))).sum();
            assertThat(bucketed).isEqualTo(3);
            assertThat(p.stringPropertyNames().stream().filter(k -> k.contains(".bucket.")).count()).isEqualTo(2);
        }
        assertThat(Files.exists(file.resolveSibling("metrics.properties.tmp"))).isFalse();
    }

    @Test
    void aSummaryCoversOnlyWhatHappenedSinceTheLastOne() {
        Metrics metrics = new Metrics();
        metrics.histogram("quorum_round").recordNanos(100_000_000);
        metrics.counter("quorum_rounds").increment();
        Map<String, LatencyHistogram.Snapshot> before = metrics.histogramSnapshots();
        Map<String, Long> counters = metrics.counterValues();
        assertThat(metrics.summarySince(before, counters)).isEmpty();
        metrics.histogram("quorum_round").recordNanos(1_000_000);
        metrics.counter("quorum_rounds").increment();
        assertThat(metrics.summarySince(before, counters))
                .contains("quorum_round n=1 ").contains("quorum_rounds=1;").doesNotContain("100.");
    }
}
