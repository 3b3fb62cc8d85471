package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pair ids are dense and in order of first appearance, also when the ids outgrow the direct table mid-batch. */
class GroupTablePairIdsTest {

    @Test
    void pairIdsEqualAFirstAppearanceNumberingAcrossTheSwitchToHashing() {
        Random random = new Random(5);
        GroupTable.PairIds ids = new GroupTable.PairIds();
        Map<Long, Integer> reference = new HashMap<>();
        for (int batch = 0; batch < 6; batch++) {
            int n = 5000;
            int[] prefix = new int[n];
            int[] value = new int[n];
            int bound = batch < 3 ? 40 : 3000; // small ids first (direct table), then beyond its limit
            for (int r = 0; r < n; r++) {
                prefix[r] = random.nextInt(bound);
                value[r] = random.nextInt(batch == 4 ? 5 : bound);
            }
            int[] expected = new int[n];
            for (int r = 0; r < n; r++) {
                long key = ((long) prefix[r] << 32) | value[r];
                expected[r] = reference.computeIfAbsent(key, k -> reference.size());
            }
            ids.assign(prefix, value, n);
            assertThat(prefix).as("batch " + batch).isEqualTo(expected);
        }
    }
}
