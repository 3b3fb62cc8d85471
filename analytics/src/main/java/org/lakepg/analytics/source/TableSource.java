package org.lakepg.analytics.source;

import java.util.BitSet;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.storage.Lsn;

/**
 * The row store as the analytics module sees one table: implemented by the server, which decodes its heap pages
 * (visibility as of the LSN applied) into rows of the server's Java value types. The analytics module never reads
 * pages itself, so it does not depend on the heap format.
 */
public interface TableSource {

    /** A stable name, used for the snapshot's location ({@code [a-z0-9_]+} recommended). */
    String name();

    /** The table's columns (as of the snapshot; schema changes start a new snapshot). */
    Schema schema();

    /** Number of heap blocks as of {@code lsn} (PageService.relationSize of the main fork). */
    int pageCount(Lsn lsn);

    /**
     * The rows visible at {@code lsn} on heap pages {@code range}, page by page in ascending block order and in
     * line-pointer order within a page; each row comes with the block it was read from (the snapshot records rows per
     * page so a fresh read can replace exactly the changed pages).
     */
    void readPages(PageRange range, Lsn lsn, RowSink sink);

    /** Blocks written by records with {@code from < LSN <= to} (mirrors PageService.changedPages). */
    BitSet changedPages(Lsn from, Lsn to);

    /**
     * Called by the materializer after every page of a new snapshot at {@code lsn} was read and before its manifest
     * is committed: a source can store what the snapshot's rows depend on (the server stores which pages held rows of
     * unfinished transactions) so that anything a committed manifest needs exists.
     */
    default void beforeSnapshotCommit(Lsn lsn) {
    }

    /** Receives decoded rows; the array belongs to the receiver. */
    @FunctionalInterface
    interface RowSink {
        void accept(int page, Object[] row);
    }
}
