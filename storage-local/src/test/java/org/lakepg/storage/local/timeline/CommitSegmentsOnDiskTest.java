package org.lakepg.storage.local.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.local.LocalStorage;

/** A timeline's commit index on disk: per-checkpoint segments, a checkpoint file that stays small, the old format. */
class CommitSegmentsOnDiskTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Storage open() {
        return Storage.load("local", new StorageConfig(dir, Map.of("background", "false")));
    }

    /** Commits with their timestamps (some stepping back), appended in batches. */
    private final List<Lsn> lsns = new ArrayList<>();
    private final List<Instant> stamps = new ArrayList<>();
    private final Random random = new Random(42);

    private void commit(Storage s, TimelineId id, int n) {
        List<WalRecord> records = new ArrayList<>();
        List<Instant> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant last = stamps.isEmpty() ? T0 : stamps.get(stamps.size() - 1);
            Instant at = random.nextInt(10) == 0 ? last.minusMillis(random.nextInt(500)) : last.plusMillis(random.nextInt(100));
            batch.add(at);
            records.add(WalRecord.marker(TransactionMarker.commit(1000 + stamps.size() + i, at)));
        }
        lsns.addAll(s.wal().appendAll(id, records));
        stamps.addAll(batch);
    }

    /** What the index answered when it was one array: the last commit before the first stamped after {@code at}. */
    private Lsn expectedAt(Instant at) {
        Instant max = Instant.MIN;
        Lsn answer = Lsn.INVALID;
        for (int i = 0; i < lsns.size(); i++) {
            max = stamps.get(i).isAfter(max) ? stamps.get(i) : max;
            if (max.isAfter(at)) {
                return answer;
            }
            answer = lsns.get(i);
        }
        return answer;
    }

    private void assertAnswersAsOneArray(Storage s, TimelineId id) {
        Instant last = stamps.get(stamps.size() - 1);
        for (int q = 0; q < 200; q++) {
            Instant at = T0.plusMillis(random.nextLong(-1000, last.toEpochMilli() - T0.toEpochMilli() + 1000));
            assertThat(s.timelines().lsnAt(id, at)).as("at %s", at).isEqualTo(expectedAt(at));
        }
    }

    private Path timelineDir(TimelineId id) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().equals(id.toString()) && Files.isDirectory(p))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void theCheckpointFileDoesNotGrowWithOldCommits() throws IOException {
        TimelineId id;
        List<Integer> sizes = new ArrayList<>();
        try (Storage s = open()) {
            Timeline t = s.timelines().createTimeline("main");
            id = t.id();
            Path checkpoint = timelineDir(id).resolve(CheckpointManifest.NAME);
            for (int i = 0; i < 200; i++) {
                commit(s, id, 100);
                ((LocalStorage) s).checkpoint();
                sizes.add((int) Files.size(checkpoint));
            }
            assertAnswersAsOneArray(s, id);
            // the copy a pageserver uploads names the segment files next to the layers
            assertThat(((LocalStorage) s).lastCheckpoint(id).layerFiles())
                    .anyMatch(p -> CommitSegment.isSegmentName(p.getFileName().toString()));
        }
        int embedded = 16 * lsns.size(); // what the whole index embedded in the file took before
        System.out.printf("checkpoint file after %d commits: %d bytes (checkpoint 10: %d bytes); the embedded index "
                + "took %d bytes more%n", lsns.size(), sizes.get(sizes.size() - 1), sizes.get(9), embedded);
        int summary = 2 + "commits-0000000000000000-0000000000000000.idx".length() + 8 + 8 + 4 + 8;
        // at most MAX_SMALL_SEGMENTS + 1 small segments (20,000 commits make no full one), whatever the age
        assertThat(sizes.subList(10, sizes.size()))
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(sizes.get(0) + CommitIndex.MAX_SMALL_SEGMENTS * summary));
        try (Storage s = open()) {
            assertAnswersAsOneArray(s, id);
            commit(s, id, 10); // replayed from the WAL after the last segment at the next open
        }
        try (Storage s = open()) {
            assertAnswersAsOneArray(s, id);
        }
    }

    @Test
    void aCheckpointFileWithTheWholeIndexEmbeddedStillOpens() throws IOException {
        TimelineId id;
        try (Storage s = open()) {
            id = s.timelines().createTimeline("main").id();
            commit(s, id, 500);
            ((LocalStorage) s).checkpoint();
        }
        Path tdir = timelineDir(id);
        rewriteInTheFirstFormat(tdir);
        try (Storage s = open()) {
            assertAnswersAsOneArray(s, id);
            commit(s, id, 50);
            ((LocalStorage) s).checkpoint(); // written in the current format now
            assertAnswersAsOneArray(s, id);
        }
        assertThat(new String(Files.readAllBytes(tdir.resolve(CheckpointManifest.NAME)), 0, 8, StandardCharsets.US_ASCII))
                .isEqualTo("LPGCKPT2");
        try (Storage s = open()) {
            assertAnswersAsOneArray(s, id);
        }
    }

    /** Replaces the checkpoint file by one as the first format wrote it (the index embedded), without segments. */
    private void rewriteInTheFirstFormat(Path tdir) throws IOException {
        CheckpointManifest current = CheckpointManifest.read(tdir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("LPGCKPT1".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(current.checkpointLsn());
        out.writeLong(current.gcCutoff());
        out.writeInt(current.layerFiles().size());
        for (String f : current.layerFiles()) {
            out.writeUTF(f);
        }
        current.relations().write(out, current.checkpointLsn());
        out.writeInt(lsns.size());
        long max = Long.MIN_VALUE;
        for (int i = 0; i < lsns.size(); i++) {
            max = Math.max(max, TransactionMarker.toMicros(stamps.get(i)));
            out.writeLong(lsns.get(i).value());
            out.writeLong(max);
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        Files.write(tdir.resolve(CheckpointManifest.NAME), bytes.toByteArray());
        for (CommitSegment segment : current.commitSegments()) {
            Files.delete(tdir.resolve("layers").resolve(segment.name()));
        }
    }
}
