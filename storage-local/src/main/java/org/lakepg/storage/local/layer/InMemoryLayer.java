package org.lakepg.storage.local.layer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.WalRecordCodec;

/**
 * Recent WAL indexed by page key: the page writes with LSNs in (startLsn, endLsn]. Filled by the timeline's single
 * appender, read concurrently; frozen (no more writes) before it is written out as a delta layer file.
 */
public final class InMemoryLayer {

    /** A page write held in memory. */
    public record MemVersion(long lsn, PageWrite write, boolean isBase) implements VersionRef {
        @Override
        public boolean isImage() {
            return write instanceof FullPageImage;
        }

        @Override
        public PageWrite load() {
            return write;
        }
    }

    private final long startLsn;
    private volatile long endLsn;
    private final ConcurrentSkipListMap<PageKey, List<MemVersion>> index = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();

    public InMemoryLayer(long startLsn) {
        this.startLsn = startLsn;
        this.endLsn = startLsn;
    }

    public long startLsn() {
        return startLsn;
    }

    public long endLsn() {
        return endLsn;
    }

    public long approximateBytes() {
        return bytes.get();
    }

    public boolean isEmpty() {
        return index.isEmpty();
    }

    public void put(long lsn, PageWrite write, boolean isBase) {
        List<MemVersion> versions = index.computeIfAbsent(write.key(), k -> new ArrayList<>(2));
        synchronized (versions) {
            versions.add(new MemVersion(lsn, write, isBase));
        }
        bytes.addAndGet(write instanceof FullPageImage ? Page.SIZE + 64
                : 64 + WalRecordCodec.patchBytes((PagePatch) write, 24));
    }

    /** Records that everything up to {@code lsn} was applied (including records that wrote no page). */
    public void advanceTo(long lsn) {
        endLsn = lsn;
    }

    /**
     * Adds to {@code out}, newest first, the versions of {@code key} with {@code after < lsn <= upTo}, stopping after
     * a base version. Returns true if a base was found.
     */
    public boolean collect(PageKey key, long upTo, long after, List<VersionRef> out) {
        List<MemVersion> versions = index.get(key);
        if (versions == null) {
            return false;
        }
        synchronized (versions) {
            for (int i = versions.size() - 1; i >= 0; i--) {
                MemVersion v = versions.get(i);
                if (v.lsn() > upTo) {
                    continue;
                }
                if (v.lsn() <= after) {
                    return false;
                }
                out.add(v);
                if (v.isBase()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sets the bits of blocks of the fork with a version in (from, to]. */
    public void changedBlocks(int relation, ForkNumber fork, long from, long to, BitSet out) {
        ConcurrentNavigableMap<PageKey, List<MemVersion>> range = index.subMap(
                new PageKey(relation, fork, 0), true, new PageKey(relation, fork, Integer.MAX_VALUE), true);
        for (Map.Entry<PageKey, List<MemVersion>> e : range.entrySet()) {
            synchronized (e.getValue()) {
                for (MemVersion v : e.getValue()) {
                    if (v.lsn() > from && v.lsn() <= to) {
                        out.set(e.getKey().block());
                        break;
                    }
                }
            }
        }
    }

    /** The keys with at least one version at or below {@code upTo}. */
    public void keysUpTo(long upTo, java.util.Set<PageKey> out) {
        for (Map.Entry<PageKey, List<MemVersion>> e : index.entrySet()) {
            synchronized (e.getValue()) {
                if (!e.getValue().isEmpty() && e.getValue().get(0).lsn() <= upTo) {
                    out.add(e.getKey());
                }
            }
        }
    }

    /** Key-ordered snapshot of every version, for writing the layer out. Call only once frozen. */
    public Map<PageKey, List<MemVersion>> contents() {
        return index;
    }
}
