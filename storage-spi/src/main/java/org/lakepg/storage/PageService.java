package org.lakepg.storage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pages as of any LSN. Reads at LSN L see exactly the records with LSN &lt;= L on the timeline and, at or below its
 * branch LSN, on its ancestors. An LSN beyond what the store has ingested waits for the WAL (cloud) or fails with
 * INVALID_REQUEST (local, where ingestion is synchronous with append); an LSN below the GC horizon fails with
 * INVALID_REQUEST.
 */
public interface PageService {

    /**
     * The page's 8 KiB as of {@code lsn}. A block that was never written, lies at or beyond the relation fork's
     * size, or belongs to a relation that does not exist reads as an all-zero page (PostgreSQL's "new page");
     * use {@link #relationSize}/{@link #relationExists} to tell those apart. The caller owns the returned array.
     */
    byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn);

    /**
     * Several pages at one LSN, in the order asked (prefetch, sequential scans). Stores that pay a round trip per
     * request (cloud) answer it in one; the default simply asks one by one.
     */
    default List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn) {
        List<byte[]> pages = new ArrayList<>(keys.size());
        for (PageKey key : keys) {
            pages.add(getPage(timeline, key, lsn));
        }
        return pages;
    }

    /** Number of blocks of the relation fork as of {@code lsn} (0 if it does not exist). */
    int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn);

    boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn);

    /**
     * Blocks of the fork written by records with {@code from < LSN <= to} (on this timeline and its ancestors).
     * Blocks removed by truncate or drop are not listed; compare {@link #relationSize} at both ends for those.
     */
    BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to);
}
