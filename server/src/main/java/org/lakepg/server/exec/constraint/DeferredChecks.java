package org.lakepg.server.exec.constraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.lakepg.server.table.ConstraintInfo;

/**
 * Constraint checks a transaction postpones to its commit (DEFERRABLE foreign keys that are deferred, initially or
 * by SET CONSTRAINTS). The session runs them just before committing; any failure aborts the commit. A rollback
 * forgets them, and the SET CONSTRAINTS modes with them.
 */
public final class DeferredChecks {
    private record Pending(long constraint, Runnable check) {}

    private final List<Pending> pending = new ArrayList<>();
    /** SET CONSTRAINTS ALL: null when not given in this transaction. */
    private Boolean allDeferred;
    private final Map<Long, Boolean> deferredByConstraint = new HashMap<>();

    /** Whether a check of this constraint waits for the commit, in the current transaction's mode. */
    public boolean isDeferred(ConstraintInfo c) {
        if (!c.deferrable()) {
            return false;
        }
        Boolean mode = deferredByConstraint.get(c.oid());
        if (mode == null) {
            mode = allDeferred;
        }
        return mode != null ? mode : c.initiallyDeferred();
    }

    public void add(ConstraintInfo c, Runnable check) {
        pending.add(new Pending(c.oid(), check));
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * SET CONSTRAINTS: the named constraints (all when {@code which} is null) become deferred or immediate; going
     * immediate runs their pending checks now, as PostgreSQL does.
     */
    public void setMode(List<Long> which, boolean deferred) {
        if (which == null) {
            allDeferred = deferred;
            deferredByConstraint.clear();
        } else {
            which.forEach(oid -> deferredByConstraint.put(oid, deferred));
        }
        if (!deferred) {
            run(oid -> which == null || which.contains(oid));
        }
    }

    /** Runs every pending check (each sees the transaction's final state), forgetting them. */
    public void runAll() {
        run(oid -> true);
    }

    private void run(LongPredicate which) {
        List<Pending> due = new ArrayList<>();
        pending.removeIf(p -> which.test(p.constraint()) && due.add(p));
        for (Pending p : due) {
            p.check().run();
        }
    }

    /** The transaction ended: its checks and modes are gone. */
    public void clear() {
        pending.clear();
        allDeferred = null;
        deferredByConstraint.clear();
    }
}
