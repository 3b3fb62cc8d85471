package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.RelationDrop;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.StoreOptions;
import org.lakepg.storage.local.layer.InMemoryLayer;
import org.lakepg.storage.local.layer.LayerFile;
import org.lakepg.storage.local.layer.LayerMap;
import org.lakepg.storage.local.wal.SegmentedWal;

/**
 * One timeline's state: its WAL, its layers, its relation-size history and commit index. Appends are serialized by
 * {@link #appendLock} (they assign LSNs and fill the in-memory layer in the same order); reads use the volatile
 * {@link #layers} snapshot and {@link #appliedLsn}, published only after a record is fully applied.
 */
public final class TimelineStore {

    final Timeline meta;
    final TimelineStore parent;
    final Path dir;
    final StoreOptions options;
    final ReentrantLock appendLock = new ReentrantLock();
    /** Serializes checkpoints, compactions and GC of this timeline. */
    final ReentrantLock maintenanceLock = new ReentrantLock();
    final Set<TimelineStore> children = new CopyOnWriteArraySet<>();
    SegmentedWal wal;
    volatile LayerMap layers;
    RelationHistory relations;
    CommitIndex commits;
    volatile long appliedLsn;
    volatile long checkpointLsn;
    /** System.nanoTime() of the last checkpoint (or of opening), for the periodic checkpoint. */
    volatile long lastCheckpointNanos = System.nanoTime();
    volatile long gcCutoff;
    /** Bumped after every write of the checkpoint file (see {@code LocalStorage.checkpointVersion}). */
    private volatile long manifestVersion;

    public long manifestVersion() {
        return manifestVersion;
    }

    /** Called by whoever just rewrote the checkpoint file, under the maintenance lock. */
    void manifestWritten() {
        manifestVersion++;
    }
    volatile boolean deleted;

    private TimelineStore(Timeline meta, TimelineStore parent, Path dir, StoreOptions options) {
        this.meta = meta;
        this.parent = parent;
        this.dir = dir;
        this.options = options;
    }

    /** Creates the files of a new timeline (nothing is copied from the parent) and opens it. */
    static TimelineStore create(Path dir, Timeline meta, TimelineStore parent, StoreOptions options) throws IOException {
        Files.createDirectories(dir.resolve("layers"));
        Files.createDirectories(dir.resolve("wal"));
        TimelineMetadataFile.writeNew(dir, meta);
        FileUtil.fsyncDirectory(dir);
        return open(dir, meta, parent, options);
    }

    /** Opens a timeline: its checkpoint's layers, then the WAL after the checkpoint replayed into memory. */
    static TimelineStore open(Path dir, Timeline meta, TimelineStore parent, StoreOptions options) throws IOException {
        TimelineStore t = new TimelineStore(meta, parent, dir, options);
        long start = meta.branchLsn().value();
        CheckpointManifest manifest = CheckpointManifest.read(dir);
        List<LayerFile> files = new ArrayList<>();
        Path layerDir = dir.resolve("layers");
        Files.createDirectories(layerDir);
        if (manifest != null) {
            for (String name : manifest.layerFiles()) {
                files.add(LayerFile.open(layerDir.resolve(name)));
            }
            t.relations = manifest.relations();
            t.commits = manifest.embeddedCommits() != null ? manifest.embeddedCommits().in(layerDir)
                    : new CommitIndex(layerDir, manifest.commitSegments());
            t.checkpointLsn = manifest.checkpointLsn();
            t.gcCutoff = manifest.gcCutoff();
        } else {
            t.relations = new RelationHistory();
            t.commits = new CommitIndex(layerDir, List.of());
            t.checkpointLsn = start;
            t.gcCutoff = start;
        }
        Set<String> live = new HashSet<>(manifest == null ? List.of() : manifest.files());
        try (Stream<Path> all = Files.list(layerDir)) {
            for (Path p : all.toList()) {
                if (!live.contains(p.getFileName().toString())) {
                    Files.delete(p); // orphan of an interrupted checkpoint, compaction or commit segment merge
                }
            }
        }
        t.layers = new LayerMap(new InMemoryLayer(t.checkpointLsn), List.of(), files);
        t.appliedLsn = t.checkpointLsn;
        t.wal = SegmentedWal.open(dir.resolve("wal"), meta.name() + " (" + meta.id() + ")", start,
                options.walSegmentSize(), t.checkpointLsn, (lsn, record) -> t.apply(lsn.value(), record));
        t.appliedLsn = t.wal.insertLsn();
        t.layers.open().advanceTo(t.appliedLsn);
        return t;
    }

    public Timeline meta() {
        return meta;
    }

    public TimelineStore parent() {
        return parent;
    }

    public SegmentedWal wal() {
        return wal;
    }

    public LayerMap layers() {
        return layers;
    }

    public long appliedLsn() {
        return appliedLsn;
    }

    /** True if WAL was applied since the last checkpoint and that checkpoint is older than {@code nanos}. */
    public boolean checkpointDue(long nanos) {
        return appliedLsn > checkpointLsn && System.nanoTime() - lastCheckpointNanos > nanos;
    }

    public long gcCutoff() {
        return gcCutoff;
    }

    public long branchLsn() {
        return meta.branchLsn().value();
    }

    /** Appends records to the WAL and applies them to the in-memory layer; returns their LSNs. */
    public long[] append(List<WalRecord> records) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (WalRecord r : records) {
            payloads.add(WalRecordCodec.encode(r));
        }
        return appendEncoded(records, payloads);
    }

    /** Appends records whose encoding ({@code WalRecordCodec}) the caller already has, e.g. as received. */
    public long[] appendEncoded(List<WalRecord> records, List<byte[]> payloads) {
        appendLock.lock();
        try {
            checkNotDeleted();
            long[] lsns = wal.appendAll(payloads);
            for (int i = 0; i < lsns.length; i++) {
                apply(lsns[i], records.get(i));
            }
            appliedLsn = lsns[lsns.length - 1];
            return lsns;
        } finally {
            appendLock.unlock();
        }
    }

    void checkNotDeleted() {
        if (deleted) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s does not exist", meta.id());
        }
    }

    /** Applies one record (at append, or during WAL replay). Caller holds the append lock or is the opener. */
    private void apply(long lsn, WalRecord record) {
        List<PageChange> changes = record.changes();
        InMemoryLayer open = layers.open();
        for (int i = 0; i < changes.size(); i++) {
            switch (changes.get(i)) {
                case PageWrite write -> {
                    RelFork fork = new RelFork(write.key().relation(), write.key().fork());
                    int size = sizeAt(fork, Long.MAX_VALUE);
                    boolean extends_ = write.key().block() >= size;
                    if (extends_) {
                        relations.setSize(fork, lsn, write.key().block() + 1);
                    }
                    // the size effect stays even if a later change in this record undoes the contents
                    if (!cancelledLater(changes, i, write)) {
                        open.put(lsn, write, extends_ || write instanceof FullPageImage);
                    }
                }
                case RelationCreate create -> {
                    RelFork fork = new RelFork(create.relation(), create.fork());
                    if (sizeAt(fork, Long.MAX_VALUE) == RelationHistory.NONEXISTENT) {
                        relations.setSize(fork, lsn, 0);
                    }
                }
                case RelationTruncate truncate -> {
                    RelFork fork = new RelFork(truncate.relation(), truncate.fork());
                    if (sizeAt(fork, Long.MAX_VALUE) > truncate.newBlockCount()) {
                        relations.shrink(fork, lsn, truncate.newBlockCount());
                    }
                }
                case RelationDrop drop -> {
                    for (ForkNumber f : ForkNumber.values()) {
                        RelFork fork = new RelFork(drop.relation(), f);
                        if (sizeAt(fork, Long.MAX_VALUE) != RelationHistory.NONEXISTENT) {
                            relations.shrink(fork, lsn, RelationHistory.NONEXISTENT);
                        }
                    }
                }
            }
        }
        TransactionMarker marker = record.marker();
        if (marker != null && marker.kind() == TransactionMarker.Kind.COMMIT) {
            commits.add(lsn, marker.timestampMicros());
        }
        open.advanceTo(lsn);
    }

    /** A write undone by a later truncate or drop in the same record never becomes visible: skip it. */
    private static boolean cancelledLater(List<PageChange> changes, int index, PageWrite write) {
        for (int j = index + 1; j < changes.size(); j++) {
            PageChange later = changes.get(j);
            if (later instanceof RelationDrop drop && drop.relation() == write.key().relation()) {
                return true;
            }
            if (later instanceof RelationTruncate t && t.relation() == write.key().relation()
                    && t.fork() == write.key().fork() && t.newBlockCount() <= write.key().block()) {
                return true;
            }
        }
        return false;
    }

    /** The fork's size at {@code lsn} on this timeline (falling through to ancestors); -1 if it does not exist. */
    public int sizeAt(RelFork fork, long lsn) {
        long at = lsn;
        for (TimelineStore t = this; t != null; t = t.parent) {
            Integer size = t.relations.sizeAt(fork, at);
            if (size != null) {
                return size;
            }
            at = Math.min(at, t.branchLsn());
        }
        return RelationHistory.NONEXISTENT;
    }

    public int sizeAt(int relation, ForkNumber fork, long lsn) {
        return sizeAt(new RelFork(relation, fork), lsn);
    }

    /** The LSN of the latest truncate/drop at or below {@code lsn} that cut {@code block}, or -1. */
    public long resetAt(int relation, ForkNumber fork, int block, long lsn) {
        RelFork rf = new RelFork(relation, fork);
        long at = lsn;
        for (TimelineStore t = this; t != null; t = t.parent) {
            long reset = t.relations.resetAt(rf, block, at);
            if (reset >= 0) {
                return reset;
            }
            at = Math.min(at, t.branchLsn());
        }
        return -1;
    }

    /**
     * The last commit before the first one stamped after {@code micros}, at or below {@code upTo}, over the whole
     * history this timeline sees (ancestors up to the branch points, then its own); the start of history if none.
     */
    public long lsnAt(long micros, long upTo) {
        java.util.ArrayDeque<TimelineStore> chain = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Long> bounds = new java.util.ArrayDeque<>();
        long at = upTo;
        TimelineStore root = this;
        for (TimelineStore t = this; t != null; t = t.parent) {
            chain.push(t);
            bounds.push(at);
            at = Math.min(at, t.branchLsn());
            root = t;
        }
        long answer = root.branchLsn();
        while (!chain.isEmpty()) {
            CommitIndex.Scan scan = chain.pop().commits.scan(micros, bounds.pop());
            if (scan.lastLsn() >= 0) {
                answer = scan.lastLsn();
            }
            if (scan.passedTime()) {
                return answer;
            }
        }
        return answer;
    }

    /** Fails unless a read at {@code lsn} is possible: applied already, and not below the GC horizon. */
    public void checkReadable(long lsn) {
        checkNotDeleted();
        if (lsn > appliedLsn) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "requested LSN %s is beyond the end of WAL %s of timeline %s", Lsn.of(lsn), Lsn.of(appliedLsn), meta.id());
        }
        for (TimelineStore t = this; ; t = t.parent) {
            if (lsn >= t.gcCutoff || t.isDescendantReadPoint(lsn, Long.MAX_VALUE)) {
                return;
            }
            if (t.parent == null || lsn > t.branchLsn()) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                        "requested LSN %s is below the GC horizon %s of timeline %s", Lsn.of(lsn), Lsn.of(t.gcCutoff), t.meta.id());
            }
            if (lsn == t.branchLsn()) {
                return; // branch points are always kept
            }
        }
    }

    /** True if a live descendant reads this timeline at {@code lsn} (GC keeps those points). */
    private boolean isDescendantReadPoint(long lsn, long bound) {
        for (TimelineStore child : children) {
            long point = Math.min(bound, child.branchLsn());
            if (!child.deleted && (point == lsn || child.isDescendantReadPoint(lsn, point))) {
                return true;
            }
        }
        return false;
    }

    /** Releases files; with {@code deleteFiles} removes the timeline's directory too. */
    void close() {
        wal.close();
        for (LayerFile f : layers.files()) {
            f.close();
        }
    }

    @Override
    public String toString() {
        return meta.name() + "(" + meta.id() + ")";
    }
}
