package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.RelationDrop;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random page writes, truncates, drops, branches at random LSNs, checkpoints, compactions, GC and restarts; after
 * every step all keys of the touched timeline at its latest LSN and random (timeline, key, older LSN) reads — and
 * every 250 steps all keys of all timelines at several LSNs — must equal {@link PageModel}.
 * A failure names its seed: rerun with {@code -Dlakepg.seed=<seed>}.
 */
class RandomizedModelTest {

    private static final int[] RELATIONS = {1, 2, 3};
    private static final ForkNumber[] FORKS = {ForkNumber.MAIN, ForkNumber.FSM};
    private static final int BLOCKS = 8;
    private static final int STEPS = Integer.getInteger("lakepg.modelSteps", 2000);

    @TempDir
    Path tmp;

    @Test
    void randomHistoriesMatchAPlainModel() throws Exception {
        long base = Long.getLong("lakepg.seed", System.nanoTime());
        int runs = Long.getLong("lakepg.seed") != null ? 1 : 3;
        for (int run = 0; run < runs; run++) {
            long seed = base + run;
            try {
                new Run(seed, Files.createDirectory(tmp.resolve("run" + run))).execute(STEPS);
            } catch (Throwable e) {
                throw new AssertionError("model test failed with seed " + seed + " (rerun: -Dlakepg.seed=" + seed + ")", e);
            }
        }
    }

    private static final class Run {
        final Random random;
        final Path dir;
        final List<PageModel.Timeline> timelines = new ArrayList<>();
        LocalStorage store;
        long clockMicros = 1_000_000;
        int branches;
        int layersRemoved;
        long layerBytes;

        Run(long seed, Path dir) {
            this.random = new Random(seed);
            this.dir = dir;
        }

        LocalStorage open() {
            return LocalStorage.open(new StorageConfig(dir, Map.of("background", "false",
                    "wal_segment_size", "32768", "image_after_deltas", "3", "image_delta_ratio", "0", "page_cache_size", "200000")));
        }

        void execute(int steps) {
            store = open();
            store.timelines().setRetention(Duration.ZERO);
            Timeline main = store.timelines().createTimeline("main");
            timelines.add(new PageModel.Timeline(main.id(), null, 0));
            try {
                for (int step = 0; step < steps; step++) {
                    try {
                        PageModel.Timeline touched = step();
                        checkLatest(touched);
                        for (int i = 0; i < 3; i++) {
                            checkRandomRead();
                        }
                        if (step % 250 == 249) {
                            checkEverything();
                        }
                    } catch (AssertionError | RuntimeException e) {
                        throw new AssertionError("at step " + step + ": " + e.getMessage(), e);
                    }
                }
                checkEverything();
                // the run must have exercised the layer machinery, not just the in-memory layer
                assertThat(layerBytes + store.layerBytesWritten()).as("layer bytes written").isPositive();
                assertThat(layersRemoved).as("layers removed by GC").isPositive();
            } finally {
                store.close();
            }
        }

        PageModel.Timeline anyTimeline() {
            List<PageModel.Timeline> live = timelines.stream().filter(t -> !t.deleted).toList();
            return live.get(random.nextInt(live.size()));
        }

        /** Does one random thing; returns the timeline it touched. */
        PageModel.Timeline step() {
            int r = random.nextInt(1000);
            PageModel.Timeline t = anyTimeline();
            if (r < 700) {
                int n = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 1;
                List<WalRecord> records = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    records.add(randomRecord());
                }
                List<Lsn> lsns = store.wal().appendAll(t.id, records);
                for (int i = 0; i < n; i++) {
                    assertThat(lsns.get(i).value()).isGreaterThan(t.lastLsn());
                    t.entries.add(new PageModel.Entry(lsns.get(i).value(), records.get(i)));
                }
            } else if (r < 725 && branches < 6) {
                branch(t);
            } else if (r < 760) {
                Lsn durable = store.wal().flush(t.id, Lsn.MAX).join();
                assertThat(durable.value()).isEqualTo(t.lastLsn());
            } else if (r < 800) {
                store.checkpoint();
            } else if (r < 815) {
                store.compact(random.nextBoolean());
            } else if (r < 830) {
                layersRemoved += store.collectGarbage(Instant.now());
            } else if (r < 836) {
                layerBytes += store.layerBytesWritten();
                store.close();
                store = open();
            } else if (r < 840) {
                for (PageModel.Timeline each : timelines) {
                    if (!each.deleted) {
                        store.wal().flush(each.id, Lsn.MAX).join();
                    }
                }
                layerBytes += store.layerBytesWritten();
                store.closeAbruptly();
                store = open();
            } else if (r < 845) {
                boolean leaf = timelines.stream().noneMatch(c -> c.parent == t && !c.deleted);
                if (t.parent != null && leaf) {
                    store.timelines().delete(t.id);
                    t.deleted = true;
                }
            }
            for (PageModel.Timeline each : timelines) {
                if (!each.deleted) {
                    assertThat(store.wal().insertLsn(each.id).value()).as("insert LSN").isEqualTo(each.lastLsn());
                }
            }
            return t.deleted ? timelines.get(0) : t;
        }

        /** Every key of the timeline at its latest LSN. */
        void checkLatest(PageModel.Timeline t) {
            PageModel.State expected = PageModel.stateAt(t, t.lastLsn());
            for (int relation : RELATIONS) {
                for (ForkNumber fork : FORKS) {
                    for (int block = 0; block <= BLOCKS; block++) {
                        checkRead(t, new PageKey(relation, fork, block), t.lastLsn(), expected);
                    }
                }
            }
        }

        void branch(PageModel.Timeline parent) {
            Long at = null;
            if (random.nextBoolean()) {
                List<Long> candidates = readableLsns(parent);
                at = candidates.get(random.nextInt(candidates.size()));
            }
            Timeline created = store.timelines().branch(parent.id, at == null ? null : Lsn.of(at), "b" + (++branches));
            long expected = at == null ? parent.lastLsn() : at;
            assertThat(created.branchLsn().value()).isEqualTo(expected);
            timelines.add(new PageModel.Timeline(created.id(), parent, expected));
        }

        /** LSNs of the timeline's chain a read may use: at or above the GC horizon, or a branch point. */
        List<Long> readableLsns(PageModel.Timeline t) {
            List<Long> out = new ArrayList<>();
            out.add(t.lastLsn());
            if (readable(t, t.branchLsn)) {
                out.add(t.branchLsn);
            }
            for (PageModel.Entry e : t.chain(t.lastLsn())) {
                if (readable(t, e.lsn())) {
                    out.add(e.lsn());
                }
            }
            return out;
        }

        boolean readable(PageModel.Timeline t, long lsn) {
            for (PageModel.Timeline c = t; c != null; c = c.parent) {
                long horizon = store.gcHorizon(c.id).value();
                if (lsn >= horizon || isDescendantReadPoint(c, lsn, Long.MAX_VALUE)) {
                    return true;
                }
                if (c.parent == null || lsn > c.branchLsn) {
                    return false;
                }
                if (lsn == c.branchLsn) {
                    return true;
                }
            }
            return false;
        }

        /** Branch points (also of grandchildren branched below their parent's point) are kept by GC. */
        boolean isDescendantReadPoint(PageModel.Timeline t, long lsn, long bound) {
            for (PageModel.Timeline child : timelines) {
                if (child.parent == t && !child.deleted) {
                    long point = Math.min(bound, child.branchLsn);
                    if (point == lsn || isDescendantReadPoint(child, lsn, point)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Commit timestamps mostly advance, but the clock sometimes steps back (lsnAt must cope). */
        long tick() {
            clockMicros += random.nextInt(10) == 0 ? -random.nextInt(3000) : 1000;
            return clockMicros;
        }

        WalRecord randomRecord() {
            int kind = random.nextInt(100);
            List<PageChange> changes = new ArrayList<>();
            if (kind < 6) {
                TransactionMarker marker = random.nextBoolean()
                        ? new TransactionMarker(random.nextInt(1000), TransactionMarker.Kind.COMMIT, tick())
                        : new TransactionMarker(random.nextInt(1000), TransactionMarker.Kind.ABORT, tick());
                return WalRecord.marker(marker);
            }
            int n = kind < 20 ? 2 + random.nextInt(3) : 1;
            for (int i = 0; i < n; i++) {
                changes.add(randomChange());
            }
            TransactionMarker marker = random.nextInt(3) == 0
                    ? new TransactionMarker(random.nextInt(1000), TransactionMarker.Kind.COMMIT, tick()) : null;
            return new WalRecord(changes, marker);
        }

        PageChange randomChange() {
            int relation = RELATIONS[random.nextInt(RELATIONS.length)];
            ForkNumber fork = random.nextInt(4) == 0 ? ForkNumber.FSM : ForkNumber.MAIN;
            PageKey key = new PageKey(relation, fork, random.nextInt(BLOCKS));
            int kind = random.nextInt(100);
            if (kind < 70) {
                List<Patch> patches = new ArrayList<>();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    byte[] bytes = new byte[1 + random.nextInt(16)];
                    random.nextBytes(bytes);
                    patches.add(new Patch(random.nextInt(8192 - bytes.length), bytes));
                }
                return new PagePatch(key, patches);
            } else if (kind < 85) {
                byte[] image = new byte[8192];
                for (int i = 0; i < 4; i++) {
                    int at = random.nextInt(8100);
                    for (int j = 0; j < 64; j++) {
                        image[at + j] = (byte) random.nextInt();
                    }
                }
                return new FullPageImage(key, image);
            } else if (kind < 92) {
                return new RelationTruncate(relation, fork, random.nextInt(BLOCKS));
            } else if (kind < 97) {
                return new RelationCreate(relation, fork);
            } else {
                return new RelationDrop(relation);
            }
        }

        void checkRandomRead() {
            PageModel.Timeline t = anyTimeline();
            List<PageModel.Entry> chain = t.chain(t.lastLsn());
            long lsn = chain.isEmpty() || random.nextInt(4) == 0 ? t.lastLsn() : chain.get(random.nextInt(chain.size())).lsn();
            if (random.nextInt(10) == 0) {
                lsn = t.branchLsn;
            }
            PageKey key = new PageKey(RELATIONS[random.nextInt(RELATIONS.length)], FORKS[random.nextInt(2)], random.nextInt(BLOCKS + 1));
            checkRead(t, key, lsn, PageModel.stateAt(t, lsn));
        }

        void checkRead(PageModel.Timeline t, PageKey key, long lsn, PageModel.State expected) {
            if (!readable(t, lsn)) {
                try {
                    store.pages().getPage(t.id, key, Lsn.of(lsn));
                    fail("read at " + Lsn.of(lsn) + " below the GC horizon succeeded");
                } catch (StorageException e) {
                    assertThat(e.reason()).isEqualTo(StorageException.Reason.INVALID_REQUEST);
                }
                return;
            }
            String where = t.id + " " + key + " at " + Lsn.of(lsn);
            byte[] actual = store.pages().getPage(t.id, key, Lsn.of(lsn));
            if (!java.util.Arrays.equals(actual, expected.page(key))) {
                fail("page " + where + " differs from the model: " + difference(expected.page(key), actual)
                        + "\nhistory of relation " + key.relation() + ":\n" + history(t, key.relation(), lsn));
            }
            assertThat(store.pages().relationSize(t.id, key.relation(), key.fork(), Lsn.of(lsn))).as("size " + where)
                    .isEqualTo(expected.size(key.relation(), key.fork()));
            assertThat(store.pages().relationExists(t.id, key.relation(), key.fork(), Lsn.of(lsn))).as("exists " + where)
                    .isEqualTo(expected.exists(key.relation(), key.fork()));
        }

        static String difference(byte[] expected, byte[] actual) {
            int first = java.util.Arrays.mismatch(expected, actual);
            int count = 0;
            for (int i = 0; i < expected.length; i++) {
                count += expected[i] != actual[i] ? 1 : 0;
            }
            return count + " bytes differ, first at offset " + first + " (expected " + expected[first] + ", was " + actual[first] + ")";
        }

        String history(PageModel.Timeline t, int relation, long upTo) {
            StringBuilder out = new StringBuilder();
            for (PageModel.Timeline c = t; c != null; c = c.parent) {
                out.append("  timeline ").append(c.id).append(" branch ").append(Lsn.of(c.branchLsn))
                        .append(" horizon ").append(store.gcHorizon(c.id)).append('\n');
            }
            for (PageModel.Entry e : t.chain(upTo)) {
                List<PageChange> mine = e.record().changes().stream().filter(c -> c.relation() == relation).toList();
                if (!mine.isEmpty()) {
                    out.append("  ").append(Lsn.of(e.lsn())).append(' ').append(mine).append('\n');
                }
            }
            return out.toString();
        }

        void checkEverything() {
            for (PageModel.Timeline t : timelines) {
                if (t.deleted) {
                    continue;
                }
                List<Long> lsns = readableLsns(t);
                for (long lsn : List.of(t.lastLsn(), lsns.get(random.nextInt(lsns.size())), lsns.get(random.nextInt(lsns.size())))) {
                    PageModel.State expected = PageModel.stateAt(t, lsn);
                    for (int relation : RELATIONS) {
                        for (ForkNumber fork : FORKS) {
                            for (int block = 0; block <= BLOCKS; block++) {
                                checkRead(t, new PageKey(relation, fork, block), lsn, expected);
                            }
                        }
                    }
                }
                long from = lsns.get(random.nextInt(lsns.size()));
                long to = Math.max(from, lsns.get(random.nextInt(lsns.size())));
                for (int relation : RELATIONS) {
                    try {
                        BitSet changed = store.pages().changedPages(t.id, relation, ForkNumber.MAIN, Lsn.of(from), Lsn.of(to));
                        assertThat(changed).as("changed pages of %d in (%s, %s]", relation, Lsn.of(from), Lsn.of(to))
                                .isEqualTo(PageModel.changedPages(t, relation, ForkNumber.MAIN, from, to));
                    } catch (StorageException e) {
                        assertThat(e.getMessage()).contains("below the GC horizon");
                    }
                }
                long time = random.nextLong(1_000_000, clockMicros + 10_000);
                assertThat(store.timelines().lsnAt(t.id, Instant.EPOCH.plusNanos(time * 1000)).value())
                        .as("lsnAt").isEqualTo(PageModel.lsnAt(t, time));
            }
        }
    }
}
