package org.lakepg.storage.cloud.pageserver;

import java.util.List;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalService;

/** {@link RandomWal} for tests in other packages. */
public final class RandomWalAccess {

    public static final int RELATIONS = RandomWal.RELATIONS;

    private RandomWalAccess() {
    }

    public static List<Lsn> append(long seed, WalService wal, TimelineId timeline, int count) {
        return new RandomWal(seed).append(wal, timeline, count);
    }

    public static List<PageKey> allKeys() {
        return RandomWal.allKeys();
    }
}
