package org.lakepg.server.branch;

import java.time.Instant;
import org.lakepg.storage.Lsn;

/**
 * One branch of a database as lakepg_branches() lists it: its parent branch (null for main), the LSN it was
 * branched at, when, and its logical size (bytes of every relation as of its latest LSN; -1 where not computed).
 */
public record BranchInfo(String name, String parent, Lsn branchLsn, Instant created, long logicalSize) {
}
