package org.lakepg.server.access.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.lakepg.server.access.testing.InMemoryStorage;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;

class BufferCacheTest {

    private static final int REL = 16384;

    @Test
    void pagesChangedThroughTheWriterSurviveEvictionAndAreReadBackFromStorage() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        PageWriter writer = new PageWriter(storage, storage.timeline());
        writer.append(WalRecord.of(new RelationCreate(REL, ForkNumber.MAIN)));
        BufferCache cache = new BufferCache(storage, storage.timeline(), 16, storage.insertLsn(storage.timeline()));
        int blocks = 200; // 12x the cache
        for (int b = 0; b < blocks; b++) {
            try (PinnedPage page = cache.extend(REL, ForkNumber.MAIN); var change = writer.begin()) {
                assertThat(page.block()).isEqualTo(b);
                change.track(page);
                page.data()[100] = (byte) b;
                page.data()[8000] = (byte) (b * 7);
                change.commit();
            }
        }
        // rewrite each page a few times, in random order, with concurrent readers
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    int b = ThreadLocalRandom.current().nextInt(blocks);
                    try (PinnedPage page = cache.pinExclusive(PageKey.main(REL, b)); var change = writer.begin()) {
                        change.track(page);
                        page.data()[200]++;
                        change.commit();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            try (PinnedPage page = cache.pinShared(PageKey.main(REL, b))) {
                assertThat(page.data()[100]).isEqualTo((byte) b);
                assertThat(page.data()[8000]).isEqualTo((byte) (b * 7));
                total += Byte.toUnsignedInt(page.data()[200]);
                // storage at the page's last written LSN holds exactly the cached bytes
                Lsn lsn = cache.readLsn(page.key());
                assertThat(storage.getPage(storage.timeline(), page.key(), lsn)).isEqualTo(page.data());
            }
        }
        assertThat(total % 256).isEqualTo(8000 % 256);
        assertThat(cache.stats().misses()).isGreaterThan(blocks);
        assertThat(cache.relationSize(REL, ForkNumber.MAIN)).isEqualTo(blocks);
        assertThat(storage.relationSize(storage.timeline(), REL, ForkNumber.MAIN, storage.insertLsn(storage.timeline())))
                .isEqualTo(blocks);
    }

    @Test
    void framesAreAllocatedOnlyAsPagesAreCachedAndFreedOnesAreReused() {
        InMemoryStorage storage = new InMemoryStorage();
        PageWriter writer = new PageWriter(storage, storage.timeline());
        writer.append(WalRecord.of(new RelationCreate(REL, ForkNumber.MAIN)));
        writer.append(WalRecord.of(new RelationCreate(REL + 1, ForkNumber.MAIN)));
        // 8 GB worth of frames: must cost nothing until used
        BufferCache cache = new BufferCache(storage, storage.timeline(), 1 << 20, storage.insertLsn(storage.timeline()));
        assertThat(cache.capacity()).isEqualTo(1 << 20);
        assertThat(cache.allocatedFrames()).isZero();
        for (int b = 0; b < 10; b++) {
            try (PinnedPage page = cache.extend(REL, ForkNumber.MAIN); var change = writer.begin()) {
                change.track(page);
                page.data()[100] = (byte) b;
                change.commit();
            }
        }
        assertThat(cache.allocatedFrames()).isEqualTo(10);
        cache.forgetRelation(REL, storage.insertLsn(storage.timeline()));
        for (int b = 0; b < 4; b++) {
            try (PinnedPage page = cache.extend(REL + 1, ForkNumber.MAIN)) {
                assertThat(page.data()[100]).isZero();
            }
        }
        assertThat(cache.allocatedFrames()).isEqualTo(10); // the dropped relation's frames were reused
    }

    @Test
    void aFullPoolEvictsInsteadOfGrowing() {
        InMemoryStorage storage = new InMemoryStorage();
        PageWriter writer = new PageWriter(storage, storage.timeline());
        writer.append(WalRecord.of(new RelationCreate(REL, ForkNumber.MAIN)));
        BufferCache cache = new BufferCache(storage, storage.timeline(), 16, storage.insertLsn(storage.timeline()));
        for (int b = 0; b < 40; b++) {
            try (PinnedPage page = cache.extend(REL, ForkNumber.MAIN); var change = writer.begin()) {
                change.track(page);
                page.data()[100] = (byte) b;
                change.commit();
            }
        }
        assertThat(cache.allocatedFrames()).isEqualTo(16);
        try (PinnedPage page = cache.pinShared(PageKey.main(REL, 3))) {
            assertThat(page.data()[100]).isEqualTo((byte) 3);
        }
    }

    @Test
    void anUncommittedChangeSetRestoresThePage() {
        InMemoryStorage storage = new InMemoryStorage();
        PageWriter writer = new PageWriter(storage, storage.timeline());
        BufferCache cache = new BufferCache(storage, storage.timeline(), 16, Lsn.INVALID);
        try (PinnedPage page = cache.extend(REL, ForkNumber.MAIN)) {
            try (var change = writer.begin()) {
                change.track(page);
                page.data()[5] = 42;
            }
            assertThat(page.data()[5]).isZero();
        }
        assertThat(storage.recordCount()).isZero();
    }

    /**
     * Writers that extend the relation race with writers that claim its last block as soon as they see it, as heap
     * inserts do, while the small cache evicts constantly. Every block must end up with exactly the writes logged
     * for it: before extend published the new size and the new block's frame together, a last-block writer could
     * write the block, see it evicted, and have the extender's zero-filled frame replace that write (lost TOAST
     * chunks).
     */
    @Test
    void aBlockSeenThroughTheRelationSizeIsNeverZeroedUnderItsWriter() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        PageWriter writer = new PageWriter(storage, storage.timeline());
        writer.append(WalRecord.of(new RelationCreate(REL, ForkNumber.MAIN)));
        BufferCache cache = new BufferCache(storage, storage.timeline(), 16, storage.insertLsn(storage.timeline()));
        cache.relationCreated(REL, ForkNumber.MAIN);
        ConcurrentHashMap<Integer, Integer> writesPerBlock = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            boolean extender = t % 2 == 0;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5000; i++) {
                    int last = cache.relationSize(REL, ForkNumber.MAIN) - 1;
                    try (PinnedPage page = extender || last < 0 ? cache.extend(REL, ForkNumber.MAIN)
                            : cache.pinExclusive(PageKey.main(REL, last)); var change = writer.begin()) {
                        byte[] p = page.data();
                        int count = p[0] & 0xFF;
                        if (extender && count != 0) {
                            problems.add("block " + page.block() + " handed out by extend holds " + count + " writes");
                        }
                        if (count < 255) {
                            change.track(page);
                            p[0] = (byte) (count + 1);
                            change.commit();
                            writesPerBlock.merge(page.block(), 1, Integer::sum);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(problems).isEmpty();
        BufferCache fresh = new BufferCache(storage, storage.timeline(), 16, storage.insertLsn(storage.timeline()));
        int blocks = fresh.relationSize(REL, ForkNumber.MAIN);
        for (int b = 0; b < blocks; b++) {
            try (PinnedPage page = fresh.pinShared(PageKey.main(REL, b))) {
                assertThat(page.data()[0] & 0xFF).as("writes of block %d", b).isEqualTo(writesPerBlock.getOrDefault(b, 0));
            }
        }
    }
}
