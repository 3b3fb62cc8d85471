package org.lakepg.storage.local.wal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;

/** Reads segments one at a time, returning records with from &lt; LSN &lt;= limit. */
final class SegmentedWalReader implements WalReader {

    private final Iterator<Map.Entry<Long, Path>> files;
    private final long from;
    private final long limit;
    private final ArrayDeque<WalEntry> buffered = new ArrayDeque<>();
    private boolean done;

    SegmentedWalReader(List<Map.Entry<Long, Path>> files, long from, long limit) {
        this.files = files.iterator();
        this.from = from;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && !done) {
            if (!files.hasNext()) {
                done = true;
                break;
            }
            Map.Entry<Long, Path> segment = files.next();
            if (segment.getKey() >= limit) {
                done = true;
                break;
            }
            byte[] bytes = SegmentScanner.readSegment(segment.getKey(), segment.getValue());
            SegmentScanner.scan(bytes, segment.getKey(), limit, (lsn, record) -> {
                if (lsn.value() > from) {
                    buffered.add(new WalEntry(lsn, record));
                }
            });
        }
        return !buffered.isEmpty();
    }

    @Override
    public WalEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffered.poll();
    }

    @Override
    public void close() {
        done = true;
        buffered.clear();
    }
}
