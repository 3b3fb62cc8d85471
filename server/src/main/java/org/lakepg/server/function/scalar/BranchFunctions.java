package org.lakepg.server.function.scalar;

import java.time.Instant;
import org.lakepg.server.branch.BranchInfo;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.storage.Lsn;

/**
 * lakepg's branch functions (catalog rows in lakepg_proc.csv): branches of the session's database, created in O(1)
 * at the latest LSN, an LSN or a time. pg_lsn values are longs, timestamptz micros since 2000-01-01 UTC.
 */
public final class BranchFunctions {
    private static final long MICROS_2000 = 946_684_800_000_000L;

    private BranchFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.register("lakepg_create_branch", (x, c) -> {
            if (x[0] == null) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.NULL_VALUE_NOT_ALLOWED,
                        "branch name must not be null");
            }
            Lsn at = x[2] == null ? null : Lsn.of((Long) x[2]);
            Instant time = x[3] == null ? null : instant((Long) x[3]);
            BranchInfo created = c.branches().create((String) x[0], (String) x[1], at, time);
            return created.branchLsn().value();
        });
        r.register("lakepg_drop_branch", (x, c) -> {
            c.branches().drop((String) x[0]);
            return org.lakepg.wire.types.VoidType.VALUE;
        });
        r.register("lakepg_reset_branch", (x, c) -> c.branches().reset((String) x[0]).branchLsn().value());
    }

    private static Instant instant(long micros) {
        long epochMicros = micros + MICROS_2000;
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000);
    }
}
