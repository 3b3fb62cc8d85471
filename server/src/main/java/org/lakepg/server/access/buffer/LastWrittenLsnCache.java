package org.lakepg.server.access.buffer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;

/**
 * The LSN of this compute's last change of pages that left the buffer cache, so a re-read asks storage for exactly
 * the version it needs (Neon's "last written LSN cache"). Bounded: a forgotten entry raises the conservative
 * fallback that every unknown page is read at, which is always correct, only possibly slower.
 */
final class LastWrittenLsnCache {

    private final int capacity;
    private final Map<PageKey, Lsn> recent;
    private Lsn fallback;

    LastWrittenLsnCache(int capacity, Lsn start) {
        this.capacity = capacity;
        this.fallback = start;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PageKey, Lsn> eldest) {
                if (size() > LastWrittenLsnCache.this.capacity) {
                    fallback = Lsn.max(fallback, eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    synchronized void remember(PageKey key, Lsn lsn) {
        recent.merge(key, lsn, Lsn::max);
    }

    synchronized Lsn lsnFor(PageKey key) {
        Lsn known = recent.get(key);
        // this compute is the page's only writer, so its own last change is the newest version there is
        return known == null ? fallback : known;
    }

    synchronized void raiseFallback(Lsn lsn) {
        fallback = Lsn.max(fallback, lsn);
    }

    synchronized Lsn fallback() {
        return fallback;
    }
}
