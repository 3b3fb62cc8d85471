package org.lakepg.storage.cloud.safekeeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run one safekeeper: its id and port, its data directory ({@code raft/} for the Raft log, {@code wal/} for
 * the timelines' segment files) and every member of the quorum (itself included).
 */
public record SafekeeperConfig(int id, int port, Path dataDir, List<SafekeeperAddress> members,
        long snapshotEveryEntries, long walSegmentSize, long raftSegmentSize) {

    public static final long DEFAULT_SNAPSHOT_EVERY_ENTRIES = 4096;
    public static final long DEFAULT_WAL_SEGMENT_SIZE = 16L << 20;
    /** Ratis purges its log by closed segments: this bounds how long records are kept twice. */
    public static final long DEFAULT_RAFT_SEGMENT_SIZE = 64L << 20;

    public SafekeeperConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        List<SafekeeperAddress> all = new ArrayList<>(members);
        if (all.stream().noneMatch(m -> m.id() == id)) {
            all.add(new SafekeeperAddress(id, "127.0.0.1", port));
        }
        if (all.stream().map(SafekeeperAddress::id).distinct().count() != all.size()) {
            throw new IllegalArgumentException("safekeeper ids must be unique: " + all);
        }
        members = List.copyOf(all);
        if (snapshotEveryEntries <= 0 || walSegmentSize <= 0 || raftSegmentSize <= 0) {
            throw new IllegalArgumentException("snapshot interval and segment sizes must be positive");
        }
    }

    public static SafekeeperConfig of(int id, int port, Path dataDir, List<SafekeeperAddress> members) {
        return new SafekeeperConfig(id, port, dataDir, members, DEFAULT_SNAPSHOT_EVERY_ENTRIES, DEFAULT_WAL_SEGMENT_SIZE,
                DEFAULT_RAFT_SEGMENT_SIZE);
    }

    public SafekeeperConfig withSnapshotEveryEntries(long entries) {
        return new SafekeeperConfig(id, port, dataDir, members, entries, walSegmentSize, raftSegmentSize);
    }

    public SafekeeperConfig withWalSegmentSize(long bytes) {
        return new SafekeeperConfig(id, port, dataDir, members, snapshotEveryEntries, bytes, raftSegmentSize);
    }

    public SafekeeperConfig withRaftSegmentSize(long bytes) {
        return new SafekeeperConfig(id, port, dataDir, members, snapshotEveryEntries, walSegmentSize, bytes);
    }
}
