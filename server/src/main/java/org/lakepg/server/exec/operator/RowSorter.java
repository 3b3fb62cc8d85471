package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.spill.RowSize;
import org.lakepg.server.exec.spill.SpillFile;

/**
 * PostgreSQL's tuplesort for rows: quicksort in memory while the rows fit in the memory limit (work_mem), else
 * sorted runs written to spill files and merged k ways ("external merge"); with a bound (ORDER BY ... LIMIT n) it
 * keeps only the first n rows in a heap once more than 2n arrived ("top-N heapsort"), as tuplesort_set_bound does.
 */
public final class RowSorter {
    /** Runs merged at once at least (tuplesort's MINORDER). */
    private static final int MIN_FAN_IN = 6;
    /** Memory a merge input's read buffer takes, for how many runs one merge pass may read. */
    private static final long BYTES_PER_MERGE_INPUT = 32 * 1024;
    private static final int REFERENCE = 8;

    public enum Method {
        QUICKSORT("quicksort"), TOP_N("top-N heapsort"), EXTERNAL_MERGE("external merge");

        final String shown;

        Method(String shown) {
            this.shown = shown;
        }
    }

    private final Comparator<Object[]> order;
    private final long memoryLimit;
    private final long bound;
    private final ExecContext context;
    private List<Object[]> rows = new ArrayList<>();
    private PriorityQueue<Object[]> heap;
    private final List<SpillFile> runs = new ArrayList<>();
    private long memory;
    private long peakMemory;
    private long peakDisk;
    private Method method = Method.QUICKSORT;

    /** @param bound the number of leading rows wanted, or -1 for all */
    public RowSorter(Comparator<Object[]> order, long memoryLimit, long bound, ExecContext context) {
        this.order = order;
        this.memoryLimit = memoryLimit;
        this.bound = bound;
        this.context = context;
    }

    public void add(Object[] row) {
        if (heap != null) {
            // the heap's top is the largest row kept; a row not below it cannot be among the first n
            if (bound > 0 && order.compare(row, heap.peek()) < 0) {
                memory -= RowSize.of(heap.poll()) + REFERENCE;
                heap.add(row);
                memory += RowSize.of(row) + REFERENCE;
                peakMemory = Math.max(peakMemory, memory);
            }
            return;
        }
        rows.add(row);
        memory += RowSize.of(row) + REFERENCE;
        peakMemory = Math.max(peakMemory, memory);
        if (bound >= 0 && runs.isEmpty() && (rows.size() > bound * 2 || memory > memoryLimit && rows.size() > bound)) {
            toHeap();
        } else if (memory > memoryLimit) {
            writeRun();
        }
    }

    private void toHeap() {
        method = Method.TOP_N;
        heap = new PriorityQueue<>((int) Math.max(1, bound), order.reversed());
        List<Object[]> all = rows;
        rows = null;
        memory = 0;
        for (Object[] row : all) {
            if (heap.size() < bound) {
                heap.add(row);
                memory += RowSize.of(row) + REFERENCE;
            } else if (bound > 0 && order.compare(row, heap.peek()) < 0) {
                memory -= RowSize.of(heap.poll()) + REFERENCE;
                heap.add(row);
                memory += RowSize.of(row) + REFERENCE;
            }
        }
        peakMemory = memory;
    }

    private void writeRun() {
        method = Method.EXTERNAL_MERGE;
        Object[][] sorted = rows.toArray(Object[][]::new);
        PgQuickSort.sort(sorted, 0, sorted.length, order);
        SpillFile run = context.tempFiles().create();
        for (Object[] row : sorted) {
            context.checkCancelled();
            run.write(row);
        }
        runs.add(run);
        rows = new ArrayList<>();
        memory = 0;
        peakDisk = Math.max(peakDisk, diskBytes());
    }

    /** Ends the input; the rows in order. Spill files are deleted as the merge finishes with them. */
    public Iterator<Object[]> sorted() {
        if (heap != null) {
            Object[][] kept = heap.toArray(Object[][]::new);
            heap = null;
            PgQuickSort.sort(kept, 0, kept.length, order);
            return List.of(kept).iterator();
        }
        if (runs.isEmpty()) {
            Object[][] all = rows.toArray(Object[][]::new);
            rows = null;
            PgQuickSort.sort(all, 0, all.length, order);
            return List.of(all).iterator();
        }
        if (!rows.isEmpty()) {
            writeRun();
        }
        int fanIn = (int) Math.max(MIN_FAN_IN, Math.min(512, memoryLimit / BYTES_PER_MERGE_INPUT));
        List<SpillFile> pending = new ArrayList<>(runs);
        while (pending.size() > fanIn) {
            // a pass merges groups of runs into longer runs until one final merge remains
            List<SpillFile> next = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += fanIn) {
                List<SpillFile> group = pending.subList(i, Math.min(pending.size(), i + fanIn));
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                SpillFile merged = context.tempFiles().create();
                Iterator<Object[]> it = merge(group);
                while (it.hasNext()) {
                    merged.write(it.next());
                }
                next.add(merged);
                peakDisk = Math.max(peakDisk, diskBytes() + merged.size());
            }
            pending = next;
        }
        return merge(pending);
    }

    private long diskBytes() {
        return runs.stream().mapToLong(SpillFile::size).sum();
    }

    /** Merges sorted runs; equal rows come from the earlier run first; each run is deleted once read. */
    private Iterator<Object[]> merge(List<SpillFile> inputs) {
        List<SpillFile> files = List.copyOf(inputs);
        List<Iterator<Object[]>> readers = new ArrayList<>();
        for (SpillFile f : files) {
            readers.add(f.read());
        }
        record Head(Object[] row, int source) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, files.size()), (a, b) -> {
            int c = order.compare(a.row(), b.row());
            return c != 0 ? c : Integer.compare(a.source(), b.source());
        });
        for (int i = 0; i < readers.size(); i++) {
            if (readers.get(i).hasNext()) {
                heads.add(new Head(readers.get(i).next(), i));
            } else {
                files.get(i).delete();
            }
        }
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                context.checkCancelled();
                Head head = heads.poll();
                if (head == null) {
                    return null;
                }
                Iterator<Object[]> reader = readers.get(head.source());
                if (reader.hasNext()) {
                    heads.add(new Head(reader.next(), head.source()));
                } else {
                    files.get(head.source()).delete();
                }
                return head.row();
            }
        };
    }

    public Method method() {
        return method;
    }

    /** What EXPLAIN ANALYZE shows after "Sort Method: ", as PostgreSQL prints it. */
    public String explained() {
        return method == Method.EXTERNAL_MERGE
                ? method.shown + "  Disk: " + kilobytes(peakDisk) + "kB"
                : method.shown + "  Memory: " + kilobytes(peakMemory) + "kB";
    }

    /** Peak memory of the sort in kB, for EXPLAIN ANALYZE of the operators that sort what they spill. */
    public long memoryKb() {
        return kilobytes(peakMemory);
    }

    public long diskKb() {
        return kilobytes(peakDisk);
    }

    static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
