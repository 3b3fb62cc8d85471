package org.lakepg.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.VersionedTable;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.json.Json;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;

class SnapshotTest {

    @TempDir
    Path dir;

    static List<String> sorted(List<Object[]> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : RandomData.comparable(rows)) {
            out.add(row.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static List<Object[]> fresh(TableSnapshots snapshots, VersionedTable table, Lsn lsn, FreshReadStats[] stats) {
        List<Batch> batches = new ArrayList<>();
        List<Integer> all = IntStream.range(0, table.schema().size()).boxed().toList();
        FreshReadStats s = new FreshRead(snapshots).read(table, lsn, all, List.of(), batches::add);
        if (stats != null) {
            stats[0] = s;
        }
        return RandomData.rowsOf(batches);
    }

    static VersionedTable randomTable(RandomData data, int commits) {
        Schema schema = data.allTypesSchema(2);
        VersionedTable table = new VersionedTable("t", schema);
        for (int i = 0; i < commits; i++) {
            table.randomCommit(data, 20);
        }
        return table;
    }

    @Test
    void incrementalRefreshRewritesOnlyChangedRangesAndEqualsTheRowStore() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomData data = new RandomData(seed);
            VersionedTable table = randomTable(data, 60);
            TableSnapshots snapshots = new TableSnapshots(new LocalDirectoryObjectStore(dir.resolve("s" + seed)), "t/");
            Materializer materializer = new Materializer(snapshots, 4, ParquetWriteOptions.defaults());
            MaterializeResult first = materializer.refresh(table, table.currentLsn());
            assertThat(first.manifest().version()).isZero();
            assertThat(first.filesKept()).isZero();
            assertThat(sorted(fresh(snapshots, table, table.currentLsn(), null)))
                    .isEqualTo(sorted(table.rowsAt(table.currentLsn())));

            for (int round = 0; round < 5; round++) {
                Lsn before = snapshots.latest().orElseThrow().lsn();
                int oldPages = snapshots.latest().orElseThrow().pageCount();
                for (int i = 0; i < 1 + data.random().nextInt(4); i++) {
                    table.randomCommit(data, 20);
                }
                java.util.BitSet changed = table.changedPages(before, table.currentLsn());
                long pagesBefore = table.pagesRead();
                MaterializeResult r = materializer.refresh(table, table.currentLsn());
                Set<Integer> dirtyRanges = new HashSet<>();
                changed.stream().forEach(p -> dirtyRanges.add(p / 4));
                int newPages = table.pageCount(table.currentLsn());
                if (newPages != oldPages) {
                    dirtyRanges.add((oldPages - 1) / 4); // the last range grew
                    for (int p = oldPages; p < newPages; p++) {
                        dirtyRanges.add(p / 4);
                    }
                }
                dirtyRanges.removeIf(k -> k * 4 >= newPages || k < 0);
                assertThat(r.filesWritten()).as("seed %d round %d", seed, round).isEqualTo(dirtyRanges.size());
                assertThat(r.filesKept()).isEqualTo((newPages + 3) / 4 - dirtyRanges.size());
                assertThat(table.pagesRead() - pagesBefore).isEqualTo(r.pagesDecoded());
                assertThat(r.pagesDecoded()).isLessThanOrEqualTo(dirtyRanges.size() * 4L);
                assertThat(sorted(fresh(snapshots, table, table.currentLsn(), null)))
                        .isEqualTo(sorted(table.rowsAt(table.currentLsn())));
            }
        }
    }

    @Test
    void freshReadDecodesOnlyPagesChangedSinceTheSnapshotAndHasNoLag() {
        RandomData data = new RandomData(7);
        VersionedTable table = randomTable(data, 80);
        TableSnapshots snapshots = new TableSnapshots(new LocalDirectoryObjectStore(dir), "t/");
        new Materializer(snapshots, 8, ParquetWriteOptions.defaults()).refresh(table, table.currentLsn());
        Lsn snapshotLsn = table.currentLsn();
        int pagesAtSnapshot = table.pageCount(snapshotLsn);
        for (int i = 0; i < 5; i++) {
            Lsn lsn = table.randomCommit(data, 20);
            FreshReadStats[] stats = new FreshReadStats[1];
            long before = table.pagesRead();
            List<Object[]> freshRows = fresh(snapshots, table, lsn, stats);
            long decodedBySource = table.pagesRead() - before;
            assertThat(sorted(freshRows)).isEqualTo(sorted(table.rowsAt(lsn)));
            java.util.BitSet changed = table.changedPages(snapshotLsn, lsn);
            int now = table.pageCount(lsn);
            long expectedDecoded = changed.stream().filter(p -> p < Math.min(pagesAtSnapshot, now)).count()
                    + Math.max(0, now - pagesAtSnapshot);
            assertThat(stats[0].pagesDecoded()).isEqualTo(expectedDecoded);
            assertThat(decodedBySource).isEqualTo(expectedDecoded);
        }
        // truncation: pages gone since the snapshot are neither read from Parquet nor decoded
        Lsn truncated = table.truncate(table.pageCount(table.currentLsn()) / 2);
        assertThat(sorted(fresh(snapshots, table, truncated, null))).isEqualTo(sorted(table.rowsAt(truncated)));
    }

    @Test
    void timeTravelReadsUseTheSnapshotTakenAtOrBeforeTheLsn() {
        RandomData data = new RandomData(3);
        VersionedTable table = randomTable(data, 30);
        TableSnapshots snapshots = new TableSnapshots(new LocalDirectoryObjectStore(dir), "t/");
        Materializer materializer = new Materializer(snapshots, 2, ParquetWriteOptions.defaults());
        List<Lsn> lsns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lsns.add(table.currentLsn());
            materializer.refresh(table, table.currentLsn());
            for (int k = 0; k < 10; k++) {
                table.randomCommit(data, 20);
            }
        }
        for (Lsn lsn : lsns) {
            assertThat(snapshots.asOf(lsn).orElseThrow().lsn()).isEqualTo(lsn);
            assertThat(sorted(fresh(snapshots, table, lsn, null))).isEqualTo(sorted(table.rowsAt(lsn)));
            Lsn between = lsn.plus(0x80 * 3);
            assertThat(sorted(fresh(snapshots, table, between, null))).isEqualTo(sorted(table.rowsAt(between)));
        }
        // before the first snapshot: everything is decoded from the row store
        Lsn early = Lsn.of(0x1000 + 0x80 * 5);
        assertThat(sorted(fresh(snapshots, table, early, null))).isEqualTo(sorted(table.rowsAt(early)));
    }

    /** An ObjectStore that "crashes" (throws, and stores nothing more) once a given number of puts went through. */
    static final class CrashingStore implements ObjectStore {
        final ObjectStore delegate;
        int putsLeft;

        CrashingStore(ObjectStore delegate, int putsLeft) {
            this.delegate = delegate;
            this.putsLeft = putsLeft;
        }

        @Override
        public void put(String key, byte[] data) {
            if (putsLeft-- <= 0) {
                throw new IllegalStateException("crash before put of " + key);
            }
            delegate.put(key, data);
        }

        @Override
        public java.util.Optional<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }
    }

    @Test
    void aCrashAtAnyPutLeavesTheLastCommittedSnapshotVisibleAndARetryCompletes() {
        for (int crashAfter = 0; crashAfter < 12; crashAfter++) {
            RandomData data = new RandomData(100 + crashAfter);
            VersionedTable table = randomTable(data, 40);
            Path root = dir.resolve("crash" + crashAfter);
            ObjectStore disk = new LocalDirectoryObjectStore(root);
            new Materializer(new TableSnapshots(disk, "t/"), 2, ParquetWriteOptions.defaults())
                    .refresh(table, table.currentLsn());
            Lsn committed = table.currentLsn();
            for (int k = 0; k < 15; k++) {
                table.randomCommit(data, 20);
            }
            Lsn target = table.currentLsn();
            CrashingStore crashing = new CrashingStore(disk, crashAfter);
            boolean crashed;
            try {
                new Materializer(new TableSnapshots(crashing, "t/"), 2, ParquetWriteOptions.defaults())
                        .refresh(table, target);
                crashed = false;
            } catch (IllegalStateException e) {
                crashed = true;
            }
            // "restart": a fresh view of the same directory
            TableSnapshots after = new TableSnapshots(new LocalDirectoryObjectStore(root), "t/");
            Manifest visible = after.latest().orElseThrow();
            assertThat(visible.lsn()).isIn(committed, target);
            for (DataFile f : visible.files()) {
                assertThat(after.readFile(f)).isNotEmpty();
            }
            // the visible snapshot is whole: reading exactly its LSN gives the row store's rows at that LSN
            List<Object[]> snapshotRows = new ArrayList<>();
            for (DataFile f : visible.files()) {
                try (var reader = org.lakepg.analytics.parquet.ParquetBatchReader.open(after.readFile(f))) {
                    snapshotRows.addAll(RandomData.rowsOf(reader.readAll()));
                }
            }
            assertThat(sorted(snapshotRows)).isEqualTo(sorted(table.rowsAt(visible.lsn())));
            assertThat(sorted(fresh(after, table, target, null))).isEqualTo(sorted(table.rowsAt(target)));
            if (crashed && visible.lsn().equals(target)) {
                // the manifest made it but its Delta commit did not: the next refresh writes it first
                assertThat(new DeltaLog(after.store(), "t/").latestVersion()).contains(0L);
            }
            new Materializer(after, 2, ParquetWriteOptions.defaults()).refresh(table, target);
            assertThat(new DeltaLog(after.store(), "t/").latestVersion()).contains(1L);
            assertThat(DeltaReplay.files(after.store(), "t/"))
                    .isEqualTo(after.latest().orElseThrow().files().stream().map(DataFile::path)
                            .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void vacuumDeletesOrphansOfCrashedWritesAndSnapshotsBeforeTheHorizon() {
        RandomData data = new RandomData(21);
        VersionedTable table = randomTable(data, 30);
        ObjectStore disk = new LocalDirectoryObjectStore(dir);
        TableSnapshots snapshots = new TableSnapshots(disk, "t/");
        Materializer materializer = new Materializer(snapshots, 2, ParquetWriteOptions.defaults());
        List<Lsn> lsns = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            lsns.add(table.currentLsn());
            materializer.refresh(table, table.currentLsn());
            for (int k = 0; k < 10; k++) {
                table.randomCommit(data, 20);
            }
        }
        // a crashed refresh leaves data files that no manifest names
        try {
            new Materializer(new TableSnapshots(new CrashingStore(disk, 2), "t/"), 2, ParquetWriteOptions.defaults())
                    .refresh(table, table.currentLsn());
        } catch (IllegalStateException expected) {
            // the "crash"
        }
        Set<String> named = new HashSet<>();
        for (long v : snapshots.versions()) {
            snapshots.manifest(v).orElseThrow().files().forEach(f -> named.add("t/" + f.path()));
        }
        List<String> orphans = disk.list("t/data/").stream().filter(k -> !named.contains(k)).toList();
        assertThat(orphans).hasSize(2);

        int deleted = snapshots.vacuum(lsns.get(1));
        assertThat(snapshots.versions()).containsExactly(1L, 2L);
        assertThat(disk.list("t/data/")).doesNotContainAnyElementsOf(orphans);
        assertThat(deleted).isGreaterThanOrEqualTo(1 + orphans.size());
        for (Lsn lsn : List.of(lsns.get(1), lsns.get(2), table.currentLsn())) {
            assertThat(sorted(fresh(snapshots, table, lsn, null))).isEqualTo(sorted(table.rowsAt(lsn)));
        }
    }

    @Test
    void vacuumUnusedKeepsTheLatestAndPinnedSnapshotsAndReadsStayExact() {
        RandomData data = new RandomData(23);
        VersionedTable table = randomTable(data, 30);
        ObjectStore disk = new LocalDirectoryObjectStore(dir);
        TableSnapshots snapshots = new TableSnapshots(disk, "t/");
        Materializer materializer = new Materializer(snapshots, 2, ParquetWriteOptions.defaults());
        List<Lsn> lsns = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            lsns.add(table.currentLsn());
            materializer.refresh(table, table.currentLsn());
            for (int k = 0; k < 10; k++) {
                table.randomCommit(data, 20);
            }
        }
        assertThat(snapshots.versions()).containsExactly(0L, 1L, 2L, 3L);
        // a read running at the LSN of version 1 pins it
        Manifest inUse = snapshots.pinAsOf(lsns.get(1)).orElseThrow();
        assertThat(inUse.version()).isEqualTo(1L);
        assertThat(snapshots.vacuumUnused()).extracting(Manifest::version).containsExactly(0L, 2L);
        assertThat(snapshots.versions()).containsExactly(1L, 3L);
        Set<String> named = new HashSet<>();
        for (long v : List.of(1L, 3L)) {
            snapshots.manifest(v).orElseThrow().files().forEach(f -> named.add("t/" + f.path()));
        }
        assertThat(new HashSet<>(disk.list("t/data/"))).isEqualTo(named);
        assertThat(disk.list("t/_lakepg/")).hasSize(2);
        snapshots.unpin(inUse);
        assertThat(snapshots.vacuumUnused()).extracting(Manifest::version).containsExactly(1L);
        assertThat(new TableSnapshots(disk, "t/").versions()).containsExactly(3L);
        // reads at any LSN stay equal to the row store: older than every snapshot means decoding every page
        for (Lsn lsn : List.of(lsns.get(0), lsns.get(2), lsns.get(3), table.currentLsn())) {
            assertThat(sorted(fresh(snapshots, table, lsn, null))).isEqualTo(sorted(table.rowsAt(lsn)));
        }
    }

    @Test
    void manifestRoundTripsThroughJson() {
        RandomData data = new RandomData(5);
        VersionedTable table = randomTable(data, 20);
        TableSnapshots snapshots = new TableSnapshots(new LocalDirectoryObjectStore(dir), "t/");
        Manifest m = new Materializer(snapshots, 3, ParquetWriteOptions.defaults())
                .refresh(table, table.currentLsn()).manifest();
        assertThat(ManifestCodec.read(ManifestCodec.write(m))).isEqualTo(m);
        assertThat(m.rowCount()).isEqualTo(table.rowsAt(table.currentLsn()).size());
        assertThatThrownBy(() -> new Manifest("t", "id", 0, Lsn.INVALID, m.schema(), m.pageCount() + 1, m.files()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deltaLogHasProtocolMetadataAndAddRemoveActionsThatReplayToTheManifest() {
        RandomData data = new RandomData(9);
        VersionedTable table = randomTable(data, 40);
        ObjectStore store = new LocalDirectoryObjectStore(dir);
        TableSnapshots snapshots = new TableSnapshots(store, "t/");
        Materializer materializer = new Materializer(snapshots, 2, ParquetWriteOptions.defaults());
        for (int v = 0; v < 4; v++) {
            materializer.refresh(table, table.currentLsn());
            for (int k = 0; k < 5; k++) {
                table.randomCommit(data, 20);
            }
        }
        assertThat(store.list("t/_delta_log/")).containsExactly("t/_delta_log/00000000000000000000.json",
                "t/_delta_log/00000000000000000001.json", "t/_delta_log/00000000000000000002.json",
                "t/_delta_log/00000000000000000003.json");
        String first = new String(store.get("t/_delta_log/00000000000000000000.json").orElseThrow(),
                StandardCharsets.UTF_8);
        List<Map<String, Object>> actions = first.lines().map(Json::parseObject).toList();
        assertThat(actions.get(0)).containsKey("commitInfo");
        @SuppressWarnings("unchecked")
        Map<String, Object> protocol = (Map<String, Object>) actions.get(1).get("protocol");
        // the random schema has a timestamp without time zone: Delta's timestampNtz table feature
        assertThat(protocol).containsEntry("minReaderVersion", 3L).containsEntry("minWriterVersion", 7L)
                .containsEntry("readerFeatures", List.of("timestampNtz"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metaData = (Map<String, Object>) actions.get(2).get("metaData");
        assertThat(metaData.get("format")).isEqualTo(Map.of("provider", "parquet", "options", Map.of()));
        Map<String, Object> schema = Json.parseObject((String) metaData.get("schemaString"));
        assertThat(schema.get("type")).isEqualTo("struct");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
        assertThat(fields).extracting(f -> f.get("name"))
                .containsExactlyElementsOf(table.schema().columns().stream().map(c -> (Object) c.name()).toList());
        assertThat(fields).extracting(f -> f.get("type")).contains("boolean", "short", "integer", "long", "float",
                "double", "decimal(12,2)", "decimal(30,4)", "string", "binary", "date", "timestamp", "timestamp_ntz");
        assertThat(actions.stream().filter(a -> a.containsKey("add")).count())
                .isEqualTo(snapshots.manifest(0).orElseThrow().files().size());
        assertThat(DeltaReplay.files(store, "t/")).isEqualTo(snapshots.latest().orElseThrow().files().stream()
                .map(DataFile::path).collect(java.util.stream.Collectors.toSet()));
        // later commits carry no metaData (schema unchanged) and both removes and adds
        String third = new String(store.get("t/_delta_log/00000000000000000002.json").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(third).doesNotContain("\"metaData\"").contains("\"remove\"").contains("\"add\"");
    }
}
