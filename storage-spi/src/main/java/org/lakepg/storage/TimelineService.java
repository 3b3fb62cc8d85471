package org.lakepg.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, lists and deletes timelines (branches); sets how much history garbage collection keeps. */
public interface TimelineService {

    /** Creates a new root timeline with empty history. Names are unique (ALREADY_EXISTS otherwise). */
    Timeline createTimeline(String name);

    /**
     * Creates a branch of {@code parent} at {@code at} ({@code null} = the parent's latest LSN) in O(1): no data is
     * copied. The parent's WAL up to the branch point is made durable first. Fails with INVALID_REQUEST if
     * {@code at} is beyond the parent's insert LSN or below its GC horizon.
     */
    Timeline branch(TimelineId parent, Lsn at, String name);

    Optional<Timeline> get(TimelineId id);

    Optional<Timeline> byName(String name);

    /** All timelines, oldest first. */
    List<Timeline> list();

    /** Deletes a timeline and its data; fails with INVALID_REQUEST while it has branches. */
    void delete(TimelineId id);

    /** How far back reads must stay possible (the PITR window); GC keeps at least this much history. */
    void setRetention(Duration retention);

    Duration retention();

    /**
     * The LSN of the last commit marker with a timestamp at or before {@code time} on this timeline or, at or below
     * the branch point, its ancestors; the timeline's start LSN if there is none. Reading at it sees exactly the
     * transactions committed by then.
     */
    Lsn lsnAt(TimelineId timeline, Instant time);
}
