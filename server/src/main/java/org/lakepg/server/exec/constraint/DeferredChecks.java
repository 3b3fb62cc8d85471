package org.lakepg.server.exec.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * Constraint checks a transaction postpones to its commit (DEFERRABLE INITIALLY DEFERRED foreign keys). The
 * session runs them just before committing; any failure aborts the commit. A rollback forgets them.
 */
public final class DeferredChecks {
    private final List<Runnable> pending = new ArrayList<>();

    public void add(Runnable check) {
        pending.add(check);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Runs every pending check (each sees the transaction's final state), forgetting them. */
    public void runAll() {
        List<Runnable> checks = new ArrayList<>(pending);
        pending.clear();
        for (Runnable check : checks) {
            check.run();
        }
    }

    public void clear() {
        pending.clear();
    }
}
