package org.lakepg.storage.cloud.pageserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;

/** Appends random page writes (images, patches, now and then a truncate) to a timeline; a seed makes it repeatable. */
final class RandomWal {

    static final int RELATIONS = 3;
    static final int BLOCKS = 24;

    private final Random random;
    private long xid;

    RandomWal(long seed) {
        this.random = new Random(seed);
    }

    /** Appends {@code count} records; returns their LSNs. */
    List<Lsn> append(WalService wal, TimelineId timeline, int count) {
        List<Lsn> lsns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WalRecord change = next();
            // every record commits a transaction, so GC (which keeps history back to a commit) can advance
            lsns.add(wal.append(timeline, new WalRecord(change.changes(),
                    TransactionMarker.commit(++xid, java.time.Instant.now()))));
        }
        return lsns;
    }

    private WalRecord next() {
        int relation = 100 + random.nextInt(RELATIONS);
        int block = random.nextInt(BLOCKS);
        PageKey key = PageKey.main(relation, block);
        int kind = random.nextInt(20);
        if (kind == 0) {
            return WalRecord.of(new RelationTruncate(relation, ForkNumber.MAIN, random.nextInt(BLOCKS)));
        }
        if (kind < 4) {
            byte[] image = new byte[Page.SIZE];
            int from = random.nextInt(Page.SIZE - 64);
            for (int j = from; j < from + 64; j++) {
                image[j] = (byte) random.nextInt();
            }
            return WalRecord.of(new FullPageImage(key, image));
        }
        List<Patch> patches = new ArrayList<>();
        for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
            byte[] bytes = new byte[1 + random.nextInt(32)];
            random.nextBytes(bytes);
            patches.add(new Patch(random.nextInt(Page.SIZE - bytes.length), bytes));
        }
        return WalRecord.of(new PagePatch(key, patches));
    }

    static List<PageKey> allKeys() {
        List<PageKey> keys = new ArrayList<>();
        for (int r = 0; r < RELATIONS; r++) {
            for (int b = 0; b < BLOCKS + 2; b++) {
                keys.add(PageKey.main(100 + r, b));
            }
        }
        return keys;
    }
}
