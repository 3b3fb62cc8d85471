package org.lakepg.server.txn;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Which transaction waits for which. A cycle can only appear when an edge is added, so the transaction adding it
 * checks at once and is the one that fails with 40P01 — PostgreSQL also aborts the transaction that runs the check.
 */
final class WaitForGraph {

    private final Map<Long, Set<Long>> waitsFor = new HashMap<>();

    /** Records that {@code waiter} waits for {@code holders}; throws 40P01 if that closes a cycle. */
    synchronized void beginWait(long waiter, Collection<Long> holders) {
        for (long holder : holders) {
            if (holder == waiter) {
                continue;
            }
            if (reaches(holder, waiter)) {
                waitsFor.remove(waiter);
                throw PgException.of(SqlState.T_R_DEADLOCK_DETECTED, "deadlock detected")
                        .withDetail("Transaction " + waiter + " waits for transaction " + holder
                                + ", which waits for transaction " + waiter + ".")
                        .withHint("See server log for query details.");
            }
            waitsFor.computeIfAbsent(waiter, w -> new HashSet<>()).add(holder);
        }
    }

    synchronized void endWait(long waiter) {
        waitsFor.remove(waiter);
    }

    /** The transactions {@code waiter} waits for now (empty when it does not wait). */
    synchronized Set<Long> waitingFor(long waiter) {
        Set<Long> holders = waitsFor.get(waiter);
        return holders == null ? Set.of() : Set.copyOf(holders);
    }

    private boolean reaches(long from, long target) {
        ArrayDeque<Long> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            long t = todo.pop();
            if (t == target) {
                return true;
            }
            if (seen.add(t)) {
                Set<Long> next = waitsFor.get(t);
                if (next != null) {
                    next.forEach(todo::push);
                }
            }
        }
        return false;
    }
}
