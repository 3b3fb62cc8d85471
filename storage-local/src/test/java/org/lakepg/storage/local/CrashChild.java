package org.lakepg.storage.local;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;

/**
 * The process {@link WalCrashIT} kills with -9: four committers append numbered records and flush them, printing
 * "durable &lt;i&gt; &lt;lsn&gt;" once each flush returned; a fifth thread checkpoints now and then. Record i writes i
 * into block i % 8 twice (offset 0, and a slot chosen by i) so a half-applied record would show.
 */
public final class CrashChild {

    static final int BLOCKS = 8;
    static final int SLOTS = 500;
    static final int RELATION = 1;

    private static long next;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true);
        LocalStorage store = LocalStorage.open(new StorageConfig(dir, Map.of(
                "wal_segment_size", "65536", "layer_size", "262144", "image_after_deltas", "4", "image_delta_ratio", "0")));
        TimelineId timeline = store.timelines().byName("main").map(Timeline::id)
                .orElseGet(() -> store.timelines().createTimeline("main").id());
        Lsn start = store.wal().insertLsn(timeline);
        for (int b = 0; b < BLOCKS; b++) {
            byte[] page = store.pages().getPage(timeline, PageKey.main(RELATION, b), start);
            if (!Page.isZero(page)) {
                next = Math.max(next, ByteBuffer.wrap(page).getLong(0) + 1);
            }
        }
        out.println("start " + next);
        Object appendOrder = new Object();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable committer = () -> {
            try {
                while (true) {
                    long i;
                    Lsn lsn;
                    synchronized (appendOrder) {
                        i = next++;
                        lsn = store.wal().append(timeline, record(store, timeline, i));
                    }
                    store.wal().flush(timeline, lsn).join();
                    synchronized (out) {
                        out.println("durable " + i + " " + lsn.value());
                    }
                }
            } catch (RuntimeException e) {
                failed.set(true);
                e.printStackTrace();
            }
        };
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().start(committer);
        }
        while (!failed.get()) {
            Thread.sleep(30);
            store.checkpoint();
        }
        System.exit(1);
    }

    static WalRecord record(LocalStorage store, TimelineId timeline, long i) {
        PageKey key = PageKey.main(RELATION, (int) (i % BLOCKS));
        int slot = slotOffset(i);
        ByteBuffer twice = ByteBuffer.allocate(16).putLong(i).putLong(~i);
        PageChange change;
        if (i % 50 == 0) {
            // now and then a full image, built on the current page, so layers hold images too
            byte[] page = store.pages().getPage(timeline, key, store.wal().insertLsn(timeline));
            ByteBuffer.wrap(page).putLong(0, i).put(slot, twice.array());
            change = new FullPageImage(key, page);
        } else {
            change = new PagePatch(key, List.of(new Patch(0, ByteBuffer.allocate(8).putLong(i).array()),
                    new Patch(slot, twice.array())));
        }
        return new WalRecord(List.of(change), TransactionMarker.commit(i, Instant.now()));
    }

    static int slotOffset(long i) {
        return 8 + (int) ((i / BLOCKS) % SLOTS) * 16;
    }
}
