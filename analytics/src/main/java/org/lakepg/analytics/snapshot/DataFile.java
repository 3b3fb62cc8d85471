package org.lakepg.analytics.snapshot;

import java.util.List;
import org.lakepg.analytics.source.PageRange;

/**
 * One Parquet file of a snapshot: the rows of heap pages {@code pages}, written page by page, so the rows of page
 * {@code pages.from() + i} are the {@code rowsPerPage.get(i)} rows following those of the pages before it.
 * {@code path} is relative to the table's root (Delta's convention).
 */
public record DataFile(String path, PageRange pages, long rowCount, long sizeBytes, List<Integer> rowsPerPage) {

    public DataFile {
        rowsPerPage = List.copyOf(rowsPerPage);
        if (rowsPerPage.size() != pages.pageCount()) {
            throw new IllegalArgumentException("rowsPerPage has " + rowsPerPage.size() + " entries for " + pages);
        }
        long sum = 0;
        for (int n : rowsPerPage) {
            sum += n;
        }
        if (sum != rowCount) {
            throw new IllegalArgumentException("rowsPerPage sums to " + sum + ", rowCount is " + rowCount);
        }
    }

    /** Index of the first row of heap page {@code page} within the file. */
    public long firstRowOf(int page) {
        long row = 0;
        for (int p = pages.from(); p < page; p++) {
            row += rowsPerPage.get(p - pages.from());
        }
        return row;
    }
}
