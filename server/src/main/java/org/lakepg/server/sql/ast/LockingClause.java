package org.lakepg.server.sql.ast;

import java.util.List;

/** FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF ...] [NOWAIT / SKIP LOCKED]. */
public record LockingClause(List<RangeVar> lockedRels, Strength strength, WaitPolicy waitPolicy) {
    public enum Strength { FOR_KEY_SHARE, FOR_SHARE, FOR_NO_KEY_UPDATE, FOR_UPDATE }

    public enum WaitPolicy { BLOCK, SKIP, ERROR }
}
