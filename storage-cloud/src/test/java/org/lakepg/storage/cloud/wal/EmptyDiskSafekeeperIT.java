package org.lakepg.storage.cloud.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.readAll;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.waitUntilCaughtUp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;

/**
 * A safekeeper that lost its disk after the others purged their Raft logs cannot catch up from the log: it copies
 * the WAL from the leader, then follows the log, and can then be part of the majority that acknowledges commits.
 */
class EmptyDiskSafekeeperIT {

    @TempDir
    Path dir;

    @Test
    void aMemberWithAnEmptyDiskCopiesTheWalFromTheLeader() throws Exception {
        TimelineId t = TimelineId.random();
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir, 3, 4, 1 << 20, 1 << 20);
                SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
            wal.acquire(t, Lsn.INVALID);
            for (int batch = 0; batch < 24; batch++) {
                List<WalRecord> records = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    records.add(page(batch * 40 + i));
                }
                List<Lsn> lsns = wal.appendAll(t, records);
                wal.flush(t, lsns.get(lsns.size() - 1)).get(60, TimeUnit.SECONDS);
            }
            List<WalEntry> written = readAll(wal, t, Lsn.INVALID);
            assertThat(written).hasSize(960);
            int victim = (SafekeeperQuorumIT.leader(quorum) + 1) % 3;
            quorum.wipe(victim);
            quorum.restart(victim);
            // No write: on an idle group Ratis 3.2 would only heart-beat the empty member (RATIS-2523); the
            // member asks for log entries itself when it starts (StartupNudge), and then copies the WAL.
            waitUntilCaughtUp(quorum, victim, t, wal.durableLsn(t));

            // the copied member now counts toward the majority
            int other = 3 - victim - SafekeeperQuorumIT.leader(quorum);
            quorum.stop(other);
            SafekeeperQuorumIT.writeFlushed(wal, t, 5, 0, 5);
            // a follower learns the new commit index from the leader's next appendEntries or heartbeat (no Ratis
            // metadata entries, QuorumSettings), so it serves the last writes a moment after they are durable
            waitUntilCaughtUp(quorum, victim, t, wal.durableLsn(t));
            List<WalEntry> copied = new ArrayList<>();
            Lsn from = Lsn.INVALID;
            while (copied.size() < 965) {
                List<WalEntry> chunk = wal.client().readChunk(t, from, 1 << 20, quorum.address(victim)).entries();
                assertThat(chunk).isNotEmpty();
                copied.addAll(chunk);
                from = chunk.get(chunk.size() - 1).lsn();
            }
            assertThat(copied.subList(0, 960)).isEqualTo(written);
            assertThat(copied.get(964).lsn()).isEqualTo(wal.durableLsn(t));
        }
    }

    private static WalRecord page(int i) {
        byte[] image = new byte[Page.SIZE];
        for (int b = 0; b < image.length; b += 7) {
            image[b] = (byte) (i + b);
        }
        return WalRecord.of(new FullPageImage(PageKey.main(7, i), image));
    }
}
