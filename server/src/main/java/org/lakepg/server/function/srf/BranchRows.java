package org.lakepg.server.function.srf;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.branch.BranchInfo;

/** lakepg_branches() (name, parent, branch_lsn, created, logical_size) and lakepg_diff() of the session's database. */
final class BranchRows {
    private static final long MICROS_2000 = 946_684_800_000_000L;

    private BranchRows() {
    }

    static void register(SetReturningFunctions r) {
        r.register("lakepg_branches", (x, c) -> {
            List<Object[]> rows = new ArrayList<>();
            for (BranchInfo b : c.branches().list()) {
                long created = b.created().getEpochSecond() * 1_000_000L + b.created().getNano() / 1000 - MICROS_2000;
                rows.add(new Object[] {b.name(), b.parent(), b.branchLsn().value(), created,
                        b.logicalSize() < 0 ? null : b.logicalSize()});
            }
            return rows.iterator();
        });
        r.register("lakepg_diff", (x, c) -> c.branches().diff((String) x[0], (String) x[1]).stream()
                .map(d -> new Object[] {d.tableName(), d.difference(), d.rowsOnlyInA(), d.rowsOnlyInB()}).iterator());
    }
}
