package org.lakepg.server.exec.operator;

import java.util.Collection;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.PlanNode;

/**
 * EXPLAIN ANALYZE's "Heap Blocks: exact=N" of a Bitmap Heap Scan: the heap pages its bitmap names, each read once.
 * lakepg's bitmaps keep every tuple id, so no page is lossy; PostgreSQL prints the line only when a page was read.
 * The Bitmap Index Scan's own row count (the tuple ids found) is reported with it.
 */
final class HeapBlocks {
    private HeapBlocks() {}

    /** Reports the pages of {@code tids}, which are in tuple id order. */
    static void report(PlanNode scan, Collection<Tid> tids, ExecContext context) {
        var stats = context.statsFor(scan);
        if (stats == null) {
            return;
        }
        stats.bitmapEntries(tids.size());
        long pages = 0;
        int last = -1;
        for (Tid tid : tids) {
            if (pages == 0 || tid.block() != last) {
                pages++;
                last = tid.block();
            }
        }
        if (pages > 0) {
            stats.detail("Heap Blocks", "exact=" + pages);
        }
    }
}
