package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to the WAL tail — random garbage over it, a torn (cut) record, zeros as after preallocation — is cut off by
 * recovery at the first bad record: everything before it is intact, nothing after it is visible, no exception, and
 * appending continues right there.
 */
class WalGarbageTailTest {

    @TempDir
    Path dir;

    private enum Damage { GARBAGE, CUT, ZEROS }

    @RepeatedTest(12)
    void recoveryTruncatesAtTheFirstBadRecord() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
        StorageConfig config = new StorageConfig(dir, Map.of("background", "false", "wal_segment_size", "16384"));
        List<Lsn> lsns;
        List<WalRecord> records = new ArrayList<>();
        TimelineId id;
        try (LocalStorage store = LocalStorage.open(config)) {
            Timeline t = store.timelines().createTimeline("main");
            id = t.id();
            for (int i = 0; i < 300; i++) {
                byte[] bytes = new byte[1 + random.nextInt(40)];
                random.nextBytes(bytes);
                records.add(WalRecord.of(PagePatch.of(PageKey.main(1, random.nextInt(4)), random.nextInt(8000), bytes)));
            }
            lsns = store.wal().appendAll(id, records);
            store.wal().flush(id, Lsn.MAX).join();
            store.closeAbruptly();
        }

        Path segment = lastSegment(dir.resolve("timelines").resolve(id.toString()).resolve("wal"));
        long segmentStart = Long.parseUnsignedLong(segment.getFileName().toString().substring(0, 16), 16);
        // the segment's records end before its preallocated zeros: damage goes into the records
        long size = lsns.get(lsns.size() - 1).value() - segmentStart;
        byte[] original = Files.readAllBytes(segment);
        long damageAt = size / 2 + random.nextLong(size / 2);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            switch (damage) {
                case GARBAGE -> {
                    byte[] garbage = new byte[(int) (size - damageAt) + random.nextInt(5000)];
                    random.nextBytes(garbage);
                    channel.write(ByteBuffer.wrap(garbage), damageAt);
                }
                case CUT -> channel.truncate(damageAt);
                case ZEROS -> channel.write(ByteBuffer.allocate((int) (size - damageAt) + 4096), damageAt);
            }
        }

        int survivors = 0;
        while (survivors < lsns.size() && lsns.get(survivors).value() - segmentStart <= damageAt) {
            survivors++;
        }
        String context = damage + " at offset " + damageAt + " of " + size + ", seed " + seed;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalErr = System.err;
        LocalStorage recovered;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            recovered = LocalStorage.open(config);
        } finally {
            System.setErr(originalErr);
        }
        List<String> warnings = log.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("WARN")).toList();
        // a cut exactly at a record boundary leaves a whole, shorter WAL: nothing to truncate, nothing to say
        boolean cleanCut = damage == Damage.CUT && survivors > 0
                && lsns.get(survivors - 1).value() - segmentStart == damageAt;
        // zeros from a record boundary on read as the preallocated end of the WAL, as PostgreSQL's zeroed segments
        if (damage == Damage.ZEROS && survivors > 0) {
            boolean zeroFromBoundary = true;
            for (long i = lsns.get(survivors - 1).value() - segmentStart; i < damageAt; i++) {
                zeroFromBoundary &= original[(int) i] == 0;
            }
            cleanCut = zeroFromBoundary;
        }
        if (cleanCut) {
            assertThat(warnings).as("no log line for a cut at a record boundary, " + context).isEmpty();
        } else {
            assertThat(warnings).as("one log line about the cut, " + context).hasSize(1);
            assertThat(warnings.get(0)).contains("WAL of timeline main").contains("the WAL now ends there");
        }
        try (LocalStorage store = recovered) {
            Lsn end = store.wal().insertLsn(id);
            assertThat(end).as(context).isEqualTo(lsns.get(survivors - 1));
            PageModel.State expected = new PageModel.State();
            records.subList(0, survivors).forEach(expected::apply);
            for (int b = 0; b < 5; b++) {
                PageKey key = PageKey.main(1, b);
                assertThat(store.pages().getPage(id, key, end)).as(context).isEqualTo(expected.page(key));
            }
            assertThat(store.pages().relationSize(id, 1, ForkNumber.MAIN, end)).isEqualTo(expected.size(1, ForkNumber.MAIN));
            Lsn next = store.wal().append(id, WalRecord.of(PagePatch.of(PageKey.main(1, 0), 0, new byte[] {42})));
            assertThat(next).isGreaterThan(end);
            store.wal().flush(id, next).join();
        }
        try (LocalStorage store = LocalStorage.open(config)) {
            Lsn end = store.wal().insertLsn(id);
            assertThat(store.pages().getPage(id, PageKey.main(1, 0), end)[0]).isEqualTo((byte) 42);
        }
    }

    private static Path lastSegment(Path wal) throws IOException {
        try (Stream<Path> files = Files.list(wal)) {
            return files.filter(p -> p.toString().endsWith(".seg")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }
}
