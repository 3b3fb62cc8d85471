package org.lakepg.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.branch.BranchInfo;
import org.lakepg.server.branch.BranchNames;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Branches of a database: creating one is a storage branch of a timeline (O(1), nothing copied), at the latest
 * LSN, at a given LSN or at the last commit before a time. Dropping and resetting one need it to be unused, as
 * DROP DATABASE does. The names follow {@link BranchNames}.
 */
public final class Branches {
    private static final int MAX_NAME_LENGTH = 63;

    private final Cluster cluster;
    private final Storage storage;

    Branches(Cluster cluster, Storage storage) {
        this.cluster = cluster;
        this.storage = storage;
    }

    /**
     * Creates branch {@code name} of {@code database} from branch {@code from} at {@code atLsn}, or at the last
     * commit at or before {@code atTime}, or (both null) at the parent's latest LSN.
     */
    public BranchInfo create(String database, String name, String from, Lsn atLsn, Instant atTime) {
        if (cluster.replica()) {
            throw cluster.refusedOnReplica("create a branch");
        }
        checkName(name);
        if (atLsn != null && atTime != null) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "at_lsn and at_time cannot both be given");
        }
        synchronized (cluster) {
            Timeline parent = timeline(database, from == null ? BranchNames.MAIN : from);
            String timelineName = BranchNames.timeline(database, name);
            if (storage.timelines().byName(timelineName).isPresent()) {
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", name);
            }
            Lsn at = atLsn;
            if (atTime != null) {
                at = storage.timelines().lsnAt(parent.id(), atTime);
            }
            Timeline created;
            try {
                created = storage.timelines().branch(parent.id(), at, timelineName);
            } catch (StorageException e) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot create branch \"%s\" at LSN %s: %s",
                        name, at, e.getMessage());
            }
            return info(created, false);
        }
    }

    /** The branches of a database, main first, then by creation. */
    public List<BranchInfo> list(String database) {
        List<BranchInfo> out = new ArrayList<>();
        for (Timeline t : storage.timelines().list()) {
            if (BranchNames.database(t.name()).equals(database)) {
                out.add(info(t, true));
            }
        }
        out.sort((a, b) -> a.name().equals(BranchNames.MAIN) ? -1 : b.name().equals(BranchNames.MAIN) ? 1
                : a.created().compareTo(b.created()));
        return out;
    }

    /** Drops a branch that no session uses and that has no branches of its own. */
    public void drop(String database, String name, String currentTimeline) {
        if (cluster.replica()) {
            throw cluster.refusedOnReplica("drop a branch");
        }
        if (name.equals(BranchNames.MAIN)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot drop the main branch; use DROP DATABASE \"%s\"", database);
        }
        synchronized (cluster) {
            Timeline t = timeline(database, name);
            requireUnused(t, name, currentTimeline);
            for (Timeline other : storage.timelines().list()) {
                if (t.id().equals(other.parent())) {
                    throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop branch \"%s\" because branch \"%s\" depends on it", name,
                            BranchNames.branch(other.name()));
                }
            }
            cluster.forget(t.name());
            storage.timelines().delete(t.id());
        }
    }

    /** Moves a branch to its parent's latest LSN: its own changes are discarded. */
    public BranchInfo reset(String database, String name, String currentTimeline) {
        if (cluster.replica()) {
            throw cluster.refusedOnReplica("reset a branch");
        }
        synchronized (cluster) {
            Timeline t = timeline(database, name);
            if (t.parent() == null || name.equals(BranchNames.MAIN)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "branch \"%s\" has no parent to reset to",
                        name);
            }
            requireUnused(t, name, currentTimeline);
            for (Timeline other : storage.timelines().list()) {
                if (t.id().equals(other.parent())) {
                    throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot reset branch \"%s\" because branch \"%s\" depends on it", name,
                            BranchNames.branch(other.name()));
                }
            }
            cluster.forget(t.name());
            storage.timelines().delete(t.id());
            return info(storage.timelines().branch(t.parent(), null, t.name()), false);
        }
    }

    /**
     * What differs between two views of a database: each is a branch name, optionally with {@code @LSN} to read it
     * at that LSN instead of its latest.
     */
    public List<org.lakepg.server.branch.BranchDifference> diff(String database, String a, String b) {
        return BranchDiff.between(view(database, a), view(database, b), a, b);
    }

    private Compute view(String database, String spec) {
        int at = spec.indexOf(BranchNames.SEPARATOR);
        String branch = at < 0 ? spec : spec.substring(0, at);
        Timeline t = timeline(database, branch);
        Lsn lsn;
        if (at < 0) {
            lsn = storage.wal().insertLsn(t.id());
        } else {
            try {
                lsn = Lsn.parse(spec.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid branch \"%s\": expected a branch name, optionally followed by @LSN", spec);
            }
        }
        return cluster.computeAt(t.name(), lsn);
    }

    private void requireUnused(Timeline t, String name, String currentTimeline) {
        if (t.name().equals(currentTimeline)) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "cannot drop or reset the branch this session is connected to");
        }
        int others = cluster.activeSessionsAfterWait(t.name());
        if (others > 0) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "branch \"%s\" is being accessed by other users", name)
                    .withDetail(others == 1 ? "There is 1 other session using the branch."
                            : "There are " + others + " other sessions using the branch.");
        }
    }

    private Timeline timeline(String database, String branch) {
        return storage.timelines().byName(BranchNames.timeline(database, branch)).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_OBJECT, "branch \"%s\" does not exist", branch));
    }

    /** Without the size (-1) where the caller only needs the LSN: computing it reads every relation's size. */
    private BranchInfo info(Timeline t, boolean withSize) {
        String parent = null;
        if (t.parent() != null) {
            Optional<Timeline> p = storage.timelines().get(t.parent());
            parent = p.map(x -> BranchNames.database(x.name()).equals(BranchNames.database(t.name()))
                    ? BranchNames.branch(x.name()) : x.name()).orElse(null);
        }
        if (BranchNames.branch(t.name()).equals(BranchNames.MAIN)) {
            parent = null; // a database's main branch: its template is not a branch of it
        }
        return new BranchInfo(BranchNames.branch(t.name()), parent, t.branchLsn(), t.created(),
                withSize ? cluster.logicalSize(t) : -1);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || name.indexOf(BranchNames.SEPARATOR) >= 0 || name.equals(BranchNames.MAIN)) {
            throw PgException.of(SqlState.INVALID_NAME, "invalid branch name \"%s\"", name == null ? "" : name)
                    .withHint("Branch names are 1 to 63 characters, without \"@\", and \"main\" is the database's own.");
        }
    }
}
