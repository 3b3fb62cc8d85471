package org.lakepg.server.txn;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The limits of the running statement: statement_timeout (from the statement's start), lock_timeout (per lock
 * wait) and a cancel request (the protocol's CancelRequest). Long waits and loops call {@link #check()}.
 */
public final class Deadline {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long statementEndNanos;
    private final long lockTimeoutNanos;
    private final BooleanSupplier cancelRequested;

    /**
     * @param statementTimeoutMillis 0 = none
     * @param lockTimeoutMillis 0 = none
     */
    public Deadline(long statementTimeoutMillis, long lockTimeoutMillis, BooleanSupplier cancelRequested) {
        this.statementEndNanos = statementTimeoutMillis <= 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(statementTimeoutMillis);
        this.lockTimeoutNanos = lockTimeoutMillis <= 0 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(lockTimeoutMillis);
        this.cancelRequested = cancelRequested;
    }

    public static Deadline none() {
        return new Deadline(0, 0, () -> false);
    }

    public static Deadline lockTimeout(long millis) {
        return new Deadline(0, millis, () -> false);
    }

    /** Throws 57014 if the statement was cancelled or ran past statement_timeout. */
    public void check() {
        if (cancelRequested.getAsBoolean()) {
            throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (statementEndNanos != Long.MAX_VALUE && System.nanoTime() - statementEndNanos >= 0) {
            throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }

    /**
     * Waits for {@code done} to complete (exceptional completion counts as done), honouring cancel,
     * statement_timeout and, from the start of this call, lock_timeout.
     */
    public void await(CompletableFuture<?> done) {
        long lockEnd = lockTimeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + lockTimeoutNanos;
        while (!done.isDone()) {
            check();
            long now = System.nanoTime();
            if (lockEnd != Long.MAX_VALUE && now - lockEnd >= 0) {
                throw PgException.of(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
            }
            long wait = POLL_NANOS;
            if (lockEnd != Long.MAX_VALUE) {
                wait = Math.min(wait, lockEnd - now);
            }
            try {
                done.get(Math.max(wait, 1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // loop: re-check limits, or done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
        }
    }
}
