package org.lakepg.storage.local.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmented commit index answers exactly as one array of every commit did, across checkpoints and reopens. */
class CommitIndexTest {

    @TempDir
    Path dir;

    /** The index as it was: every commit in one array, searched by the running maximum of timestamps. */
    private static final class OneArray {
        final List<long[]> commits = new ArrayList<>();

        void add(long lsn, long micros) {
            long max = commits.isEmpty() ? micros : Math.max(commits.get(commits.size() - 1)[1], micros);
            commits.add(new long[] {lsn, max});
        }

        CommitIndex.Scan scan(long micros, long upTo) {
            long last = -1;
            for (long[] c : commits) {
                if (c[0] > upTo) {
                    return new CommitIndex.Scan(last, false);
                }
                if (c[1] > micros) {
                    return new CommitIndex.Scan(last, true);
                }
                last = c[0];
            }
            return new CommitIndex.Scan(last, false);
        }
    }

    @Test
    void answersAsOneArrayDidAcrossManyCheckpointsMergesAndReopens() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            Path segDir = Files.createDirectories(dir.resolve("seed" + seed));
            Random random = new Random(seed);
            OneArray reference = new OneArray();
            CommitIndex index = new CommitIndex(segDir, List.of());
            long lsn = 100;
            long micros = 1_000_000;
            long sealedUpTo = 0;
            int checkpoints = 0;
            for (int round = 0; round < 250; round++) {
                int commits = round == 40 ? 2 * CommitIndex.FULL_SEGMENT + 10 : random.nextInt(40);
                for (int i = 0; i < commits; i++) {
                    lsn += 1 + random.nextInt(100);
                    // the clock steps back now and then
                    micros += random.nextInt(8) == 0 ? -random.nextInt(20_000) : random.nextInt(3_000);
                    index.add(lsn, micros);
                    reference.add(lsn, micros);
                }
                if (random.nextInt(3) > 0) { // a checkpoint, not always covering the last commits
                    sealedUpTo = Math.max(sealedUpTo, lsn - random.nextInt(150));
                    CommitIndex.Sealed sealed = index.seal(sealedUpTo);
                    for (String obsolete : sealed.obsolete()) {
                        Files.delete(segDir.resolve(obsolete));
                    }
                    checkpoints++;
                    if (random.nextInt(10) == 0) { // restart: the segments, then the commits after them again
                        index = new CommitIndex(segDir, sealed.segments());
                        for (long[] c : reference.commits) {
                            if (c[0] > sealedUpTo) {
                                index.add(c[0], c[1]);
                            }
                        }
                    }
                }
                for (int q = 0; q < 30; q++) {
                    long at = 1_000_000 + random.nextLong(-30_000, Math.max(1, micros - 1_000_000) + 30_000);
                    long upTo = q % 5 == 0 ? Long.MAX_VALUE : random.nextLong(0, lsn + 200);
                    assertThat(index.scan(at, upTo)).as("micros %d up to %d", at, upTo).isEqualTo(reference.scan(at, upTo));
                }
            }
            assertThat(checkpoints).isGreaterThan(100);
            // no segment is larger than a full one, and small ones were merged: at most a few besides the full ones
            assertThat(index.segments()).allSatisfy(s -> assertThat(s.count()).isLessThanOrEqualTo(CommitIndex.FULL_SEGMENT));
            assertThat(index.segments().stream().filter(s -> s.count() < CommitIndex.FULL_SEGMENT))
                    .hasSizeLessThanOrEqualTo(CommitIndex.MAX_SMALL_SEGMENTS + 3);
            List<String> named = index.segments().stream().map(CommitSegment::name).toList();
            try (Stream<Path> files = Files.list(segDir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(named);
            }
        }
    }
}
