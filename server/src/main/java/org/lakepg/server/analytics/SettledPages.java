package org.lakepg.server.analytics;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Optional;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;

/**
 * What a snapshot's visibility depended on, stored next to its manifest. A heap page records no commit: a page
 * unchanged since the snapshot can still hold a row whose inserting transaction was running when the snapshot was
 * decoded and has committed since. The snapshot was decoded with a transaction snapshot whose {@code xmin} is kept
 * here; rows of xids below it had finished (their outcome is final), and {@code unsettled} lists the pages holding any
 * other xid: those pages are read from the row store again, as if they had changed.
 *
 * <p>A reader whose own snapshot has an older xmin (a long REPEATABLE READ transaction) may not see everything that
 * had finished for the materializer: for it every page counts as changed.
 */
public record SettledPages(long xmin, BitSet unsettled) {

    private static final String PREFIX = "_lakepg/settled-";

    public static String key(String root, Lsn lsn) {
        return root + PREFIX + String.format("%016x", lsn.value()) + ".bin";
    }

    /** Written before the manifest that needs it, so a committed manifest always has it. */
    public void store(ObjectStore store, String root, Lsn lsn) {
        byte[] bits = unsettled.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + bits.length);
        out.putLong(xmin).put(bits);
        store.put(key(root, lsn), out.array());
    }

    /** Sidecars read so far: immutable once their manifest is committed, so queries read each one once. */
    private static final java.util.Map<CacheKey, SettledPages> LOADED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<CacheKey, SettledPages> eldest) {
                    return size() > 1024;
                }
            });

    private record CacheKey(ObjectStore store, String key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && k.store == store && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(store) * 31 + key.hashCode();
        }
    }

    /** {@link #load} of the sidecar of a committed snapshot, from memory after the first read. */
    public static Optional<SettledPages> loadCommitted(ObjectStore store, String root, Lsn lsn) {
        CacheKey cacheKey = new CacheKey(store, key(root, lsn));
        SettledPages known = LOADED.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SettledPages> read = load(store, root, lsn);
        read.ifPresent(p -> LOADED.put(cacheKey, p));
        return read;
    }

    public static Optional<SettledPages> load(ObjectStore store, String root, Lsn lsn) {
        return store.get(key(root, lsn)).map(bytes -> {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            long xmin = in.getLong();
            byte[] bits = new byte[in.remaining()];
            in.get(bits);
            return new SettledPages(xmin, BitSet.valueOf(bits));
        });
    }
}
