package org.lakepg.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Says that transaction {@code xid} committed or aborted at {@code timestampMicros} (microseconds since the Unix
 * epoch). Commit timestamps are what {@link TimelineService#lsnAt} searches.
 */
public record TransactionMarker(long xid, Kind kind, long timestampMicros) {

    public enum Kind { COMMIT, ABORT }

    public TransactionMarker {
        Objects.requireNonNull(kind, "kind");
    }

    public static TransactionMarker commit(long xid, Instant at) {
        return new TransactionMarker(xid, Kind.COMMIT, toMicros(at));
    }

    public static TransactionMarker abort(long xid, Instant at) {
        return new TransactionMarker(xid, Kind.ABORT, toMicros(at));
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(timestampMicros, 1_000_000L),
                Math.floorMod(timestampMicros, 1_000_000L) * 1000L);
    }

    public static long toMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000L);
    }
}
