package org.lakepg.storage.cloud.proposer;

import java.util.ArrayList;
import java.util.List;

/**
 * Which proposer term wrote which part of a timeline's WAL: entry i says term {@code term} wrote the records after
 * {@code lsn} up to the next entry's start. Terms increase along the list. Two logs hold identical records up to the
 * end of the last entry both histories share (a term is won by one proposer, which ships the same records to all).
 */
public record TermHistory(List<TermStart> entries) {

    /** Term {@code term} wrote the records that end after {@code lsn}. */
    public record TermStart(long term, long lsn) {
    }

    public static final TermHistory EMPTY = new TermHistory(List.of());

    public TermHistory {
        entries = List.copyOf(entries);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).term() <= entries.get(i - 1).term() || entries.get(i).lsn() < entries.get(i - 1).lsn()) {
                throw new IllegalArgumentException("term history out of order: " + entries);
            }
        }
    }

    /**
     * The history of a log that ends at {@code flushLsn}: terms that start after it wrote nothing of it. A term that
     * starts exactly there stays: a member holding everything up to a proposer's start point holds that
     * proposer's log so far (which is what keeps an election from preferring an older divergent log, Raft's
     * "figure 8").
     */
    public TermHistory upTo(long flushLsn) {
        int n = 0;
        while (n < entries.size() && entries.get(n).lsn() <= flushLsn) {
            n++;
        }
        return n == entries.size() ? this : new TermHistory(entries.subList(0, n));
    }

    /** The term a log with this history ending at {@code flushLsn} last followed (0: none). */
    public long lastLogTerm(long flushLsn) {
        List<TermStart> written = upTo(flushLsn).entries();
        return written.isEmpty() ? 0 : written.get(written.size() - 1).term();
    }

    /** This history followed by {@code term} starting at {@code lsn}. */
    public TermHistory then(long term, long lsn) {
        List<TermStart> next = new ArrayList<>(entries);
        next.add(new TermStart(term, lsn));
        return new TermHistory(next);
    }

    /**
     * Up to where a log with this history ending at {@code flushLsn} and another one ({@code other} ending at
     * {@code otherFlushLsn}) hold the same records; {@code startLsn} (the timeline's start) if they share no term.
     */
    public long commonPoint(long flushLsn, TermHistory other, long otherFlushLsn, long startLsn) {
        List<TermStart> a = upTo(flushLsn).entries();
        List<TermStart> b = other.upTo(otherFlushLsn).entries();
        int shared = 0;
        while (shared < a.size() && shared < b.size() && a.get(shared).equals(b.get(shared))) {
            shared++;
        }
        if (shared == 0) {
            return startLsn;
        }
        long endA = shared < a.size() ? a.get(shared).lsn() : flushLsn;
        long endB = shared < b.size() ? b.get(shared).lsn() : otherFlushLsn;
        return Math.min(endA, endB);
    }
}
