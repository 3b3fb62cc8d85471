package org.lakepg.analytics.source;

/** Heap blocks {@code [from, to)} of a table: the unit a Parquet file covers. */
public record PageRange(int from, int to) implements Comparable<PageRange> {

    public PageRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid page range [" + from + ", " + to + ")");
        }
    }

    public int pageCount() {
        return to - from;
    }

    public boolean contains(int page) {
        return page >= from && page < to;
    }

    @Override
    public int compareTo(PageRange other) {
        return Integer.compare(from, other.from);
    }

    @Override
    public String toString() {
        return "[" + from + "," + to + ")";
    }
}
