package org.lakepg.server.access.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
