package org.lakepg.analytics.snapshot;

import java.util.List;
import org.lakepg.storage.ObjectStore;

/**
 * Lists keys, retrying a listing that failed because an object appeared or vanished while it ran: a store may
 * walk a directory tree that concurrent puts (temporary files renamed into place) change under it.
 */
final class Listings {
    private static final int ATTEMPTS = 5;

    private Listings() {
    }

    static List<String> list(ObjectStore store, String prefix) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return store.list(prefix);
            } catch (RuntimeException raced) {
                last = raced;
                Thread.onSpinWait();
            }
        }
        throw last;
    }
}
