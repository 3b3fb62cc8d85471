package org.lakepg.server.branch;

import java.time.Instant;
import java.util.List;
import org.lakepg.storage.Lsn;

/** The branch operations a session may run on its own database (lakepg_create_branch() and friends). */
public interface BranchControl {
    /** Creates a branch at {@code atLsn}, or at the last commit at or before {@code atTime}, or at the latest LSN. */
    BranchInfo create(String name, String fromBranch, Lsn atLsn, Instant atTime);

    void drop(String name);

    /** Moves the branch to its parent's latest LSN, discarding its own changes. */
    BranchInfo reset(String name);

    List<BranchInfo> list();

    /** Schema and row differences between two branches, each optionally at an LSN ({@code "dev@0/16B3748"}). */
    List<BranchDifference> diff(String a, String b);

    /** The latest LSN of the session's branch. */
    Lsn currentLsn();
}
