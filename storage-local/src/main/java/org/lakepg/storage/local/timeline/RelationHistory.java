package org.lakepg.storage.local.timeline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.lakepg.storage.ForkNumber;

/**
 * One timeline's own relation-fork events: size changes (create, extension, truncate, drop = size -1) and, apart,
 * the shrinks (truncate, drop), which make older versions of the blocks they cut invisible. Events at the same LSN
 * keep the state at the end of that record. Ancestors' events are looked up through the timeline chain.
 */
final class RelationHistory {

    static final int NONEXISTENT = -1;

    private static final class Events {
        final TreeMap<Long, Integer> sizes = new TreeMap<>();
        /** LSN → the smallest size a shrink at that LSN left (blocks at or above it were reset). */
        final TreeMap<Long, Integer> shrinks = new TreeMap<>();
        /**
         * The newest size event, which every append asks for (a COPY of a million rows asks per page write): kept
         * apart so it costs no tree lookup. {@code Long.MIN_VALUE} while there is none.
         */
        long lastLsn = Long.MIN_VALUE;
        int lastSize;

        void putSize(long lsn, int size) {
            sizes.put(lsn, size);
            if (lsn >= lastLsn) {
                lastLsn = lsn;
                lastSize = size;
            }
        }

        void sizesLoaded() {
            if (!sizes.isEmpty()) {
                lastLsn = sizes.lastKey();
                lastSize = sizes.lastEntry().getValue();
            }
        }
    }

    private final Map<RelFork, Events> events = new HashMap<>();

    /** The fork's size at {@code lsn} by this timeline's own events, or null if it has none at or below lsn. */
    synchronized Integer sizeAt(RelFork fork, long lsn) {
        Events e = events.get(fork);
        if (e == null) {
            return null;
        }
        if (lsn >= e.lastLsn && e.lastLsn != Long.MIN_VALUE) {
            return e.lastSize;
        }
        Map.Entry<Long, Integer> floor = e.sizes.floorEntry(lsn);
        return floor == null ? null : floor.getValue();
    }

    /** The LSN of the latest own shrink at or below {@code lsn} that cut {@code block}, or -1. */
    synchronized long resetAt(RelFork fork, int block, long lsn) {
        Events e = events.get(fork);
        if (e == null) {
            return -1;
        }
        for (Map.Entry<Long, Integer> shrink : e.shrinks.headMap(lsn, true).descendingMap().entrySet()) {
            if (shrink.getValue() <= block) {
                return shrink.getKey();
            }
        }
        return -1;
    }

    synchronized void setSize(RelFork fork, long lsn, int size) {
        events.computeIfAbsent(fork, f -> new Events()).putSize(lsn, size);
    }

    synchronized void shrink(RelFork fork, long lsn, int sizeAfter) {
        Events e = events.computeIfAbsent(fork, f -> new Events());
        e.putSize(lsn, sizeAfter);
        e.shrinks.merge(lsn, sizeAfter, Math::min);
    }

    /** Writes the events at or below {@code upTo} (the state as of that LSN). */
    synchronized void write(DataOutputStream out, long upTo) throws IOException {
        out.writeInt(events.size());
        for (Map.Entry<RelFork, Events> e : events.entrySet()) {
            out.writeInt(e.getKey().relation());
            out.writeByte(e.getKey().fork().number());
            writeMap(out, e.getValue().sizes.headMap(upTo, true));
            writeMap(out, e.getValue().shrinks.headMap(upTo, true));
        }
    }

    static RelationHistory read(DataInputStream in) throws IOException {
        RelationHistory history = new RelationHistory();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            RelFork fork = new RelFork(in.readInt(), ForkNumber.ofNumber(in.readByte()));
            Events e = new Events();
            readMap(in, e.sizes);
            readMap(in, e.shrinks);
            e.sizesLoaded();
            history.events.put(fork, e);
        }
        return history;
    }

    private static void writeMap(DataOutputStream out, NavigableMap<Long, Integer> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<Long, Integer> e : map.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static void readMap(DataInputStream in, NavigableMap<Long, Integer> map) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            map.put(in.readLong(), in.readInt());
        }
    }
}
