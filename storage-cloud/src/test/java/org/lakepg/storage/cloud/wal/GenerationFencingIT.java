package org.lakepg.storage.cloud.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.assertChained;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.readAll;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.writeFlushed;
import static org.lakepg.storage.cloud.wal.WalTestRecords.record;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;

/** Two computes on one timeline: the one with the newer generation wins, the older one can acknowledge nothing. */
class GenerationFencingIT {

    @TempDir
    static Path dir;

    private static SafekeeperQuorum quorum;

    @BeforeAll
    static void startQuorum() {
        quorum = SafekeeperQuorum.start(dir);
    }

    @AfterAll
    static void stopQuorum() {
        quorum.close();
    }

    @Test
    void aNewerComputeFencesTheOlderOneAndContinuesFromItsDurableEnd() throws Exception {
        TimelineId t = TimelineId.random();
        try (SafekeeperWalService a = SafekeeperWalService.connect(quorum.addresses());
                SafekeeperWalService b = SafekeeperWalService.connect(quorum.addresses())) {
            a.acquire(t, Lsn.INVALID);
            assertThat(a.generation(t)).isEqualTo(1);
            writeFlushed(a, t, 1, 0, 50);
            Lsn acknowledgedByA = a.durableLsn(t);
            Lsn unflushed = a.append(t, record(1, 50)); // never flushed: must not survive the takeover

            assertThat(b.acquire(t, Lsn.INVALID)).isEqualTo(acknowledgedByA);
            assertThat(b.generation(t)).isEqualTo(2);

            CompletableFuture<Lsn> aFlush = a.flush(t, unflushed);
            assertThatThrownBy(() -> aFlush.get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(GenerationFencedException.class)
                    .hasMessageContaining("generation 1 is fenced");
            assertThatThrownBy(() -> a.append(t, record(1, 51))).isInstanceOf(GenerationFencedException.class);
            assertThatThrownBy(() -> a.flush(t, Lsn.MAX).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GenerationFencedException.class);
            assertThat(a.durableLsn(t)).isEqualTo(acknowledgedByA);

            writeFlushed(b, t, 2, 0, 10);
            List<WalEntry> all = readAll(b, t, Lsn.INVALID);
            assertThat(all).hasSize(60);
            assertChained(all, Lsn.INVALID);
            assertThat(all.get(49).lsn()).isEqualTo(acknowledgedByA);
            assertThat(all.subList(0, 50)).allSatisfy(e -> assertThat(WalTestRecords.writer(e)).isEqualTo(1));
            assertThat(all.subList(50, 60)).allSatisfy(e -> assertThat(WalTestRecords.writer(e)).isEqualTo(2));
        }
    }

    @Test
    void anOlderGenerationCannotTakeTheTimelineBack() {
        TimelineId t = TimelineId.random();
        try (SafekeeperWalService a = SafekeeperWalService.connect(quorum.addresses());
                SafekeeperWalService b = SafekeeperWalService.connect(quorum.addresses())) {
            b.acquire(t, Lsn.INVALID, 7);
            assertThatThrownBy(() -> a.acquire(t, Lsn.INVALID, 7))
                    .isInstanceOf(GenerationFencedException.class)
                    .hasMessageContaining("generation 7 is not newer than generation 7");
            a.acquire(t, Lsn.INVALID);
            assertThat(a.generation(t)).isEqualTo(8);
        }
    }

    /** A takeover while the old compute commits in a loop: every LSN it saw acknowledged is in the new one's WAL. */
    @Test
    void takeoverDuringCommitsKeepsEveryAcknowledgedRecord() throws Exception {
        TimelineId t = TimelineId.random();
        try (SafekeeperWalService a = SafekeeperWalService.connect(quorum.addresses());
                SafekeeperWalService b = SafekeeperWalService.connect(quorum.addresses())) {
            a.acquire(t, Lsn.INVALID);
            AtomicLong lastAcknowledged = new AtomicLong();
            AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
            Thread committer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; ; i++) {
                        Lsn lsn = a.append(t, record(1, i));
                        a.flush(t, lsn).get(60, TimeUnit.SECONDS);
                        lastAcknowledged.set(lsn.value());
                    }
                } catch (Throwable e) {
                    stoppedBy.set(e);
                }
            });
            while (lastAcknowledged.get() < 2000) {
                Thread.sleep(5);
            }
            Lsn takeover = b.acquire(t, Lsn.INVALID);
            committer.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(committer.isAlive()).isFalse();
            Throwable cause = stoppedBy.get() instanceof ExecutionException e ? e.getCause() : stoppedBy.get();
            assertThat(cause).isInstanceOf(GenerationFencedException.class);
            assertThat(lastAcknowledged.get()).isLessThanOrEqualTo(takeover.value());
            List<WalEntry> all = readAll(b, t, Lsn.INVALID);
            assertThat(all).isNotEmpty();
            assertThat(all.get(all.size() - 1).lsn()).isEqualTo(takeover);
            assertChained(all, Lsn.INVALID);
            assertThat(all.stream().map(WalEntry::lsn)).contains(Lsn.of(lastAcknowledged.get()));
        }
    }
}
