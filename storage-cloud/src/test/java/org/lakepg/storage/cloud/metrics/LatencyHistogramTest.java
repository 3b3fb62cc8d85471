package org.lakepg.storage.cloud.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void everyValueLandsInABucketWhoseBoundsHoldIt() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long micros = random.nextLong(1L << random.nextInt(1, 40));
            int bucket = LatencyHistogram.bucket(micros);
            assertThat(LatencyHistogram.upperMicros(bucket)).isGreaterThanOrEqualTo(micros);
            if (bucket > 0) {
                assertThat(LatencyHistogram.upperMicros(bucket - 1)).isLessThan(micros);
            }
        }
    }

    @Test
    void percentilesAreWithinTheBucketResolution() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            h.recordNanos(ms * 1_000_000L);
        }
        LatencyHistogram.Snapshot s = h.snapshot();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.percentileMicros(0.5)).isBetween(50_000L, 50_000L * 113 / 100);
        assertThat(s.percentileMicros(0.99)).isBetween(99_000L, 99_000L * 113 / 100);
        assertThat(s.meanMicros()).isEqualTo(50_500L);
    }

    @Test
    void anIntervalIsTheDifferenceOfTwoSnapshots() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 1000; i++) {
            h.recordNanos(100_000_000L); // 100 ms before the interval
        }
        LatencyHistogram.Snapshot before = h.snapshot();
        for (int i = 0; i < 10; i++) {
            h.recordNanos(2_000_000L);
        }
        LatencyHistogram.Snapshot interval = h.snapshot().minus(before);
        assertThat(interval.count()).isEqualTo(10);
        assertThat(interval.percentileMicros(0.99)).isBetween(2_000L, 2_300L);
    }
}
