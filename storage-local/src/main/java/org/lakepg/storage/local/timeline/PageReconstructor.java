package org.lakepg.storage.local.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.Redo;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.layer.InMemoryLayer;
import org.lakepg.storage.local.layer.LayerFile;
import org.lakepg.storage.local.layer.LayerMap;
import org.lakepg.storage.local.layer.VersionRef;

/**
 * GetPage@LSN: finds the newest base version at or below the LSN (walking the timeline's layers, then its
 * ancestors' at or below the branch point), redoes the later versions on it, and caches the result. A version is
 * identified by (timeline that wrote it, key, LSN), so the cache is shared by every branch that inherits it.
 */
public final class PageReconstructor {

    record CacheKey(TimelineId timeline, PageKey key, long lsn) {
    }

    private final Cache<CacheKey, byte[]> cache;

    public PageReconstructor(long cacheBytes) {
        cache = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((CacheKey k, byte[] v) -> v.length + 64)
                .recordStats()
                .build();
    }

    public com.github.benmanes.caffeine.cache.stats.CacheStats cacheStats() {
        return cache.stats();
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** The page at {@code lsn}; checks that the LSN is readable first. */
    public byte[] getPage(TimelineStore timeline, PageKey key, long lsn) {
        timeline.checkReadable(lsn);
        return reconstruct(timeline, key, lsn, true);
    }

    /**
     * The page at {@code lsn}; {@code checked} = false for bulk work like image creation (no readability checks,
     * no cache). GC first raises the horizon, then drops layers: so if the horizon still admits the LSN after the
     * layers were walked, no layer the walk needed was dropped — checked before anything is cached.
     */
    byte[] reconstruct(TimelineStore timeline, PageKey key, long lsn, boolean checked) {
        boolean useCache = checked;
        if (key.block() >= timeline.sizeAt(key.relation(), key.fork(), lsn)) {
            return Page.zero();
        }
        long reset = timeline.resetAt(key.relation(), key.fork(), key.block(), lsn);
        long after = reset < 0 ? -1 : reset - 1;
        List<VersionRef> chain = new ArrayList<>();
        TimelineId newestOwner = null;
        long upTo = lsn;
        for (TimelineStore t = timeline; t != null; t = t.parent) {
            LayerMap.Walk walk = t.layers.walk(key, upTo, after, chain);
            if (newestOwner == null && !chain.isEmpty()) {
                newestOwner = t.meta.id();
            }
            if (walk != LayerMap.Walk.CONTINUE_IN_PARENT || after >= t.branchLsn()) {
                break;
            }
            upTo = Math.min(upTo, t.branchLsn());
        }
        if (checked) {
            timeline.checkReadable(lsn);
        }
        if (chain.isEmpty()) {
            return Page.zero();
        }
        CacheKey cacheKey = new CacheKey(newestOwner, key, chain.get(0).lsn());
        if (useCache) {
            byte[] cached = cache.getIfPresent(cacheKey);
            if (cached != null) {
                return cached.clone();
            }
        }
        List<PageWrite> writes = load(chain);
        byte[] page = Redo.apply(null, writes);
        if (useCache) {
            cache.put(cacheKey, page);
            return page.clone();
        }
        return page;
    }

    /** Loads the chain oldest first; runs of versions lying next to each other in one file cost one read. */
    private static List<PageWrite> load(List<VersionRef> chain) {
        List<PageWrite> writes = new ArrayList<>(chain.size());
        int i = chain.size() - 1;
        while (i >= 0) {
            if (chain.get(i) instanceof LayerFile.DiskVersion first) {
                int j = i;
                while (j > 0 && chain.get(j - 1) instanceof LayerFile.DiskVersion next
                        && next.file() == first.file() && next.index() == ((LayerFile.DiskVersion) chain.get(j)).index() + 1) {
                    j--;
                }
                writes.addAll(first.file().loadRange(first.index(), ((LayerFile.DiskVersion) chain.get(j)).index()));
                i = j - 1;
            } else {
                writes.add(chain.get(i).load());
                i--;
            }
        }
        return writes;
    }

    /** Blocks written with from &lt; LSN &lt;= to on the timeline and, below its branch point, its ancestors. */
    public BitSet changedPages(TimelineStore timeline, int relation, ForkNumber fork, long from, long to) {
        timeline.checkReadable(to);
        checkChangesKnown(timeline, from, to);
        BitSet out = new BitSet();
        long hi = to;
        for (TimelineStore t = timeline; t != null && hi > from; t = t.parent) {
            long ownFrom = Math.max(from, t.branchLsn());
            LayerMap layers = t.layers;
            layers.open().changedBlocks(relation, fork, ownFrom, hi, out);
            for (InMemoryLayer frozen : layers.frozen()) {
                frozen.changedBlocks(relation, fork, ownFrom, hi, out);
            }
            for (LayerFile file : layers.files()) {
                if (file.kind() == LayerFile.Kind.DELTA && file.endLsn() > ownFrom && file.startLsn() < hi) {
                    file.changedBlocks(relation, fork, ownFrom, hi, out);
                }
            }
            hi = Math.min(hi, t.branchLsn());
        }
        checkChangesKnown(timeline, from, to); // a GC that ran meanwhile may have dropped deltas we walked past
        return out;
    }

    /** Deltas below a timeline's GC horizon may be gone: changes since an LSN below it are unknown. */
    private static void checkChangesKnown(TimelineStore timeline, long from, long to) {
        long hi = to;
        for (TimelineStore t = timeline; t != null && hi > from; t = t.parent) {
            long ownFrom = Math.max(from, t.branchLsn());
            if (ownFrom < t.gcCutoff && hi > ownFrom) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                        "changes since %s are no longer known: below the GC horizon %s of timeline %s",
                        Lsn.of(from), Lsn.of(t.gcCutoff), t.meta.id());
            }
            hi = Math.min(hi, t.branchLsn());
        }
    }
}
