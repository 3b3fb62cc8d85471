package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.local.layer.LayerFile;

/**
 * Removes layer files no read can need any more. Reads must stay possible at every LSN at or above the GC horizon
 * (the last commit older than the retention window) and at every LSN a live descendant reads it at. A layer covering
 * LSNs (s, e] is needed by a read at r unless r &lt;= s or an image layer at some I with e &lt;= I &lt;= r
 * supersedes it; it is removed only if no retained read point needs it.
 */
public final class GarbageCollector {

    private final Checkpointer checkpointer;
    /** Deleted layers stay open until the store closes: a reader may still hold a snapshot that names them. */
    private final Queue<LayerFile> retired = new ConcurrentLinkedQueue<>();

    public GarbageCollector(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    /** Advances the GC horizon from the retention window and removes unneeded layers; returns how many. */
    public int collect(TimelineStore t, Instant now, Duration retention) {
        t.maintenanceLock.lock();
        try {
            if (t.deleted) {
                return 0;
            }
            long horizon = t.lsnAt(TransactionMarker.toMicros(now.minus(retention)), t.appliedLsn);
            long previousCutoff = t.gcCutoff;
            t.gcCutoff = Math.max(t.gcCutoff, Math.min(horizon, t.appliedLsn));
            long cutoff = t.gcCutoff;
            List<Long> branchPoints = new ArrayList<>();
            readPoints(t, Long.MAX_VALUE, branchPoints);
            branchPoints.removeIf(p -> p >= cutoff);
            List<LayerFile> files = t.layers.files();
            List<LayerFile> remove = new ArrayList<>();
            for (LayerFile f : files) {
                long start = f.kind() == LayerFile.Kind.IMAGE ? f.endLsn() - 1 : f.startLsn();
                boolean needed = !superseded(files, f, cutoff);
                for (long p : branchPoints) {
                    needed |= p > start && !superseded(files, f, p);
                }
                if (!needed) {
                    remove.add(f);
                }
            }
            if (!remove.isEmpty()) {
                t.layers = t.layers.withFiles(List.of(), remove);
            }
            if (remove.isEmpty() && t.gcCutoff == previousCutoff) {
                return 0;
            }
            checkpointer.writeManifest(t, t.checkpointLsn);
            for (LayerFile f : remove) {
                Files.deleteIfExists(f.path());
                retired.add(f);
            }
            return remove.size();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "GC of timeline " + t + " failed: " + e.getMessage(), e);
        } finally {
            t.maintenanceLock.unlock();
        }
    }

    /**
     * The LSNs at which descendants read {@code t}: a child at its branch point, a grandchild branched below its
     * parent's branch point at its own (lower) one, and so on down the tree.
     */
    private static void readPoints(TimelineStore t, long bound, List<Long> out) {
        for (TimelineStore child : t.children) {
            if (!child.deleted) {
                long point = Math.min(bound, child.branchLsn());
                out.add(point);
                readPoints(child, point, out);
            }
        }
    }

    /** True if another image layer at I with f.end &lt;= I &lt;= readLsn makes {@code f} useless for that read. */
    private static boolean superseded(List<LayerFile> files, LayerFile f, long readLsn) {
        for (LayerFile g : files) {
            if (g != f && g.kind() == LayerFile.Kind.IMAGE && g.endLsn() >= f.endLsn() && g.endLsn() <= readLsn) {
                return true;
            }
        }
        return false;
    }

    public void close() {
        LayerFile f;
        while ((f = retired.poll()) != null) {
            f.close();
        }
    }
}
