package org.lakepg.server.access.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;

/**
 * The one way access methods change pages. Open a {@link PageChangeSet}, {@code track} each exclusively latched page
 * before touching it, change the bytes, then {@code commit}: the differences become one atomic {@link WalRecord},
 * appended before the latches are released, and each page is stamped with the record's LSN. Closing a change set
 * that was not committed restores the pages, so a failed append leaves no unlogged change behind.
 */
public final class PageWriter {

    /**
     * Before-images of finished change sets, reused by the same thread's next ones: every row change copies at
     * least one 8 KiB page, and allocating those copies was a large share of the garbage of an update-heavy load.
     */
    private static final ThreadLocal<ArrayDeque<byte[]>> SPARE_COPIES = ThreadLocal.withInitial(ArrayDeque::new);
    private static final int MAX_SPARE_COPIES = 8;

    private final WalService wal;
    private final TimelineId timeline;

    public PageWriter(WalService wal, TimelineId timeline) {
        this.wal = wal;
        this.timeline = timeline;
    }

    public WalService wal() {
        return wal;
    }

    public TimelineId timeline() {
        return timeline;
    }

    public PageChangeSet begin() {
        return new PageChangeSet();
    }

    /** Appends a record that changes no buffered page (relation create/drop, transaction markers). */
    public Lsn append(WalRecord record) {
        return wal.append(timeline, record);
    }

    /** Changes to several pages that are logged as one atomic record. */
    public final class PageChangeSet implements AutoCloseable {

        private final List<PinnedPage> pages = new ArrayList<>(2);
        private final List<byte[]> before = new ArrayList<>(2);
        private final List<PageChange> extra = new ArrayList<>(0);
        private boolean done;

        /** Remembers the page's current bytes; call before changing it. Tracking a page twice is harmless. */
        public PageChangeSet track(PinnedPage page) {
            if (!page.isExclusive()) {
                throw new IllegalStateException("page " + page.key() + " must be latched exclusively to change it");
            }
            for (PinnedPage p : pages) {
                if (p == page) {
                    return this;
                }
            }
            pages.add(page);
            byte[] data = page.data();
            byte[] copy = SPARE_COPIES.get().pollFirst();
            if (copy == null || copy.length != data.length) {
                copy = new byte[data.length];
            }
            System.arraycopy(data, 0, copy, 0, data.length);
            before.add(copy);
            return this;
        }

        /** A non-page change logged in the same record, before the page writes. */
        public PageChangeSet add(PageChange change) {
            extra.add(change);
            return this;
        }

        public Lsn commit() {
            return commit(null);
        }

        /**
         * Logs the changes (and the optional transaction marker) as one record and stamps the pages. Returns the
         * record's LSN, or null if nothing changed and there was no marker.
         */
        public Lsn commit(TransactionMarker marker) {
            List<PageChange> changes = new ArrayList<>(extra);
            for (int i = 0; i < pages.size(); i++) {
                PinnedPage page = pages.get(i);
                var write = PageDiff.of(page.key(), before.get(i), page.data());
                if (write != null) {
                    changes.add(write);
                }
            }
            if (changes.isEmpty() && marker == null) {
                done = true;
                releaseCopies();
                return null;
            }
            Lsn lsn = wal.append(timeline, new WalRecord(changes, marker));
            done = true;
            for (PinnedPage page : pages) {
                page.stampWritten(lsn);
            }
            releaseCopies();
            return lsn;
        }

        @Override
        public void close() {
            if (!done) {
                for (int i = 0; i < pages.size(); i++) {
                    byte[] original = before.get(i);
                    System.arraycopy(original, 0, pages.get(i).data(), 0, original.length);
                }
                done = true;
                releaseCopies();
            }
        }

        /** Gives the before-images back once nothing can need them (the diff is made, or the pages restored). */
        private void releaseCopies() {
            ArrayDeque<byte[]> spare = SPARE_COPIES.get();
            for (byte[] copy : before) {
                if (spare.size() < MAX_SPARE_COPIES) {
                    spare.push(copy);
                }
            }
            before.clear();
            pages.clear();
        }
    }
}
