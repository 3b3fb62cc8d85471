package org.lakepg.storage.cloud.safekeeper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The newest applied records of a timeline, kept encoded in memory up to a byte budget. The pageserver follows
 * the WAL close to its end; serving those reads from here spares re-reading and decoding a whole segment file per
 * request (the segment reader decodes from the start of the segment), and the bytes go out as stored. Thread-safe.
 */
public final class RecentRecords {

    private record Encoded(long lsn, byte[] payload) {
    }

    private final long budgetBytes;
    private final ArrayDeque<Encoded> records = new ArrayDeque<>();
    private long bytes;
    /** The LSN before the oldest kept record: reads from here on can be answered. */
    private long coveredFrom;

    public RecentRecords(long budgetBytes, long endLsn) {
        this.budgetBytes = budgetBytes;
        this.coveredFrom = endLsn;
    }

    public synchronized void add(long lsn, byte[] payload) {
        records.add(new Encoded(lsn, payload));
        bytes += payload.length;
        while (bytes > budgetBytes && records.size() > 1) {
            Encoded dropped = records.poll();
            bytes -= dropped.payload().length;
            coveredFrom = dropped.lsn();
        }
    }

    /**
     * Records with {@code from} &lt; LSN &lt;= {@code end}, at most about {@code maxBytes}; null if records after
     * {@code from} are no longer all kept here.
     */
    public synchronized List<SafekeeperReply.Frame> read(long from, long end, int maxBytes) {
        if (from < coveredFrom) {
            return null;
        }
        List<SafekeeperReply.Frame> entries = new ArrayList<>();
        long taken = 0;
        Iterator<Encoded> it = records.descendingIterator();
        ArrayDeque<Encoded> newestFirst = new ArrayDeque<>();
        while (it.hasNext()) {
            Encoded e = it.next();
            if (e.lsn() <= from) {
                break;
            }
            newestFirst.push(e);
        }
        for (Encoded e : newestFirst) {
            if (e.lsn() > end || (taken >= maxBytes && !entries.isEmpty())) {
                break;
            }
            entries.add(new SafekeeperReply.Frame(e.lsn(), e.payload()));
            taken += e.payload().length;
        }
        return entries;
    }
}
