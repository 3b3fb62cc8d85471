package org.lakepg.server.session;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.lakepg.storage.StorageException;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Storage failures a session cannot survive. A store that is closed for this compute — in cloud mode because a
 * newer compute took the timeline over and fenced this one — will refuse every further commit, so the session
 * ends with FATAL (as PostgreSQL ends sessions it cannot serve) instead of failing statement after statement with
 * an internal error. Nothing after the fencing point was acknowledged, so the client learns exactly that.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    /** The FATAL report for {@code failure} if it means the store is gone for this compute; null otherwise. */
    static PgException fatalOrNull(Throwable failure) {
        StorageException storage = storageCause(failure);
        if (storage == null || storage.reason() != StorageException.Reason.CLOSED) {
            return null;
        }
        return PgException.of(SqlState.OPERATOR_INTERVENTION,
                        "terminating connection because this compute can no longer write to its storage")
                .withDetail(storage.getMessage())
                .withHint("The transaction was not committed. Another compute may have taken over this database: connect to it.")
                .withSeverity(PgException.Severity.FATAL)
                .withCause(failure);
    }

    /** The FATAL report for {@code failure} if the store is gone for this compute, else {@code failure} itself. */
    static RuntimeException fatalOr(RuntimeException failure) {
        PgException fatal = fatalOrNull(failure);
        return fatal != null ? fatal : failure;
    }

    private static StorageException storageCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++) {
            if (t instanceof StorageException s) {
                return s;
            }
            if (!(t instanceof CompletionException || t instanceof ExecutionException)) {
                return null;
            }
            t = t.getCause();
        }
        return null;
    }
}
