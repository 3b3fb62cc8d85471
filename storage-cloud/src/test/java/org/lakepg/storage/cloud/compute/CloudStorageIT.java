package org.lakepg.storage.cloud.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.wal.GenerationFencedException;

/** The compute's cloud store against real safekeepers, pageserver and S3Proxy in this JVM. */
class CloudStorageIT {

    @TempDir
    Path dir;

    private static WalRecord write(int block, int offset, int seed) {
        byte[] bytes = new byte[200];
        Arrays.fill(bytes, (byte) seed);
        return WalRecord.of(PagePatch.of(PageKey.main(7, block), offset, bytes));
    }

    @Test
    void safekeepersTrimWhatS3HoldsAndARebuiltPageserverStillServesEveryPage() throws Exception {
        try (CloudStack stack = new CloudStack(dir, 64 << 10)) {
            try (CloudStorage compute = stack.openCompute(dir.resolve("compute"))) {
                Timeline t = compute.timelines().createTimeline("main");
                Lsn last = Lsn.INVALID;
                for (int i = 0; i < 2000; i++) {
                    last = compute.wal().append(t.id(), write(i % 40, (i / 40) * 100 % 7800, i));
                }
                compute.wal().flush(t.id(), last).join();
                stack.pageserver.waitForLsn(t.id(), last, Duration.ofSeconds(30));
                stack.pageserver.checkpointAndUpload();
                Lsn persisted = stack.pageserver.remoteConsistentLsn(t.id());
                assertThat(persisted).isGreaterThanOrEqualTo(last);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!stack.pageserver.trimmedUpTo(t.id()).isValid() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(stack.pageserver.trimmedUpTo(t.id())).isEqualTo(persisted);
                // followers apply the trim once they learn its commit index (the leader's next heartbeat)
                for (int m = 0; m < 3; m++) {
                    while (!stack.safekeepers.server(m).timelineState(t.id()).trimmedUpTo().equals(persisted)
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    SafekeeperReply.TimelineState state = stack.safekeepers.server(m).timelineState(t.id());
                    assertThat(state.trimmedUpTo()).as("safekeeper %d trimmed up to", m + 1).isEqualTo(persisted);
                }

                // more WAL after the upload: a rebuilt pageserver needs S3 for the first part, the safekeepers for this
                for (int i = 2000; i < 2100; i++) {
                    last = compute.wal().append(t.id(), write(i % 40, 7900, i));
                }
                compute.wal().flush(t.id(), last).join();
                List<byte[]> before = pages(compute, t, last);

                stack.stopPageserver(true);
                stack.startPageserver();
                assertThat(pages(compute, t, last)).zipSatisfy(before, (after, was) -> assertThat(after).isEqualTo(was));
                assertThat(pages(compute, t, persisted)).zipSatisfy(before,
                        (old, now) -> assertThat(Arrays.copyOfRange(old, 0, 7800)).isEqualTo(Arrays.copyOfRange(now, 0, 7800)));
            }
        }
    }

    private static List<byte[]> pages(CloudStorage s, Timeline t, Lsn at) {
        List<PageKey> keys = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            keys.add(PageKey.main(7, b));
        }
        return s.pages().getPages(t.id(), keys, at);
    }

    @Test
    void aNewComputeContinuesAtTheAcknowledgedEndAndFencesTheOldOne() throws Exception {
        try (CloudStack stack = new CloudStack(dir)) {
            try (CloudStorage first = stack.openCompute(dir.resolve("first"))) {
                Timeline t = first.timelines().createTimeline("main");
                Lsn acknowledged = first.wal().append(t.id(), write(0, 0, 1));
                first.wal().flush(t.id(), acknowledged).join();
                first.wal().append(t.id(), write(0, 0, 2)); // never flushed: not acknowledged

                try (CloudStorage second = stack.openCompute(dir.resolve("second"))) {
                    assertThat(second.wal().insertLsn(t.id())).isEqualTo(acknowledged);
                    assertThat(second.generation(t.id())).isGreaterThan(first.generation(t.id()));

                    Lsn late = first.wal().insertLsn(t.id());
                    assertThatThrownBy(() -> first.wal().flush(t.id(), late).join())
                            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(GenerationFencedException.class);

                    Lsn mine = second.wal().append(t.id(), write(0, 0, 3));
                    second.wal().flush(t.id(), mine).join();
                    assertThat(second.pages().getPage(t.id(), PageKey.main(7, 0), mine)[0]).isEqualTo((byte) 3);
                    assertThat(second.pages().getPage(t.id(), PageKey.main(7, 0), acknowledged)[0]).isEqualTo((byte) 1);
                }
            }
        }
    }
}
