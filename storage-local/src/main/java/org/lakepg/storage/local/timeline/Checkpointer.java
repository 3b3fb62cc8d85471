package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.layer.InMemoryLayer;
import org.lakepg.storage.local.layer.LayerFile;
import org.lakepg.storage.local.layer.LayerFileWriter;
import org.lakepg.storage.local.wal.GroupCommitFlusher;

/**
 * Freezes a timeline's in-memory layer, writes it as an immutable delta layer file and records a checkpoint, so a
 * restart replays only the WAL after it; WAL segments wholly below the checkpoint are then removed.
 */
public final class Checkpointer {

    private final GroupCommitFlusher flusher;
    private final AtomicLong layerBytesWritten = new AtomicLong();

    public Checkpointer(GroupCommitFlusher flusher) {
        this.flusher = flusher;
    }

    /** Bytes written to layer and checkpoint files so far (for write-amplification figures). */
    public long layerBytesWritten() {
        return layerBytesWritten.get();
    }

    void addBytesWritten(long bytes) {
        layerBytesWritten.addAndGet(bytes);
    }

    public void checkpoint(TimelineStore t) {
        t.maintenanceLock.lock();
        try {
            InMemoryLayer frozen;
            long upTo;
            t.appendLock.lock();
            try {
                if (t.deleted || t.appliedLsn == t.checkpointLsn) {
                    return;
                }
                upTo = t.appliedLsn;
                frozen = t.layers.open();
                t.layers = t.layers.withOpen(new InMemoryLayer(upTo), frozen);
            } finally {
                t.appendLock.unlock();
            }
            // A layer must never hold a record the WAL could lose in a crash.
            flusher.flush(t.wal, upTo).join();
            LayerFile file = frozen.isEmpty() ? null : writeDelta(t, frozen, upTo);
            t.layers = t.layers.replaceFrozen(frozen, file);
            writeManifest(t, upTo);
            t.checkpointLsn = upTo;
            t.lastCheckpointNanos = System.nanoTime();
            t.wal.removeSegmentsUpTo(upTo);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "checkpoint of timeline " + t + " failed: " + e.getMessage(), e);
        } finally {
            t.maintenanceLock.unlock();
        }
    }

    private LayerFile writeDelta(TimelineStore t, InMemoryLayer frozen, long upTo) throws IOException {
        String name = String.format("delta-%016X-%016X.layer", frozen.startLsn(), upTo);
        try (LayerFileWriter writer = new LayerFileWriter(t.dir.resolve("layers").resolve(name), LayerFile.Kind.DELTA,
                frozen.startLsn(), upTo)) {
            for (Map.Entry<PageKey, List<InMemoryLayer.MemVersion>> e : frozen.contents().entrySet()) {
                for (InMemoryLayer.MemVersion v : e.getValue()) {
                    writer.add(e.getKey(), v.lsn(), v.isBase(), v.isImage(), v.write());
                }
            }
            LayerFile file = writer.finish();
            layerBytesWritten.addAndGet(writer.bytesWritten());
            return file;
        }
    }

    /** Records the timeline's live layers and state as of {@code checkpointLsn}. Caller holds the maintenance lock. */
    void writeManifest(TimelineStore t, long checkpointLsn) throws IOException {
        List<String> names = t.layers.files().stream().map(f -> f.path().getFileName().toString()).toList();
        CommitIndex.Sealed commits = t.commits.seal(checkpointLsn);
        new CheckpointManifest(checkpointLsn, t.gcCutoff, names, t.relations, commits.segments(), null).write(t.dir);
        t.manifestWritten();
        for (String obsolete : commits.obsolete()) { // merged into a segment the manifest now names
            Files.deleteIfExists(t.dir.resolve("layers").resolve(obsolete));
        }
    }
}
