package org.lakepg.wire.protocol.session;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where whatever was thrown becomes the PgException a client sees. */
final class ErrorReports {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReports.class);

    private ErrorReports() {
    }

    static PgException toPgException(Throwable failure) {
        if (failure instanceof PgException pg) {
            LOG.debug("client error {}: {}", pg.sqlState().code(), pg.getMessage());
            return pg;
        }
        if (failure instanceof StackOverflowError) {
            LOG.debug("stack overflow in a statement", failure);
            return PgException.stackDepthExceeded();
        }
        LOG.error("internal error", failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        return PgException.of(SqlState.INTERNAL_ERROR, "%s", message).withCause(failure);
    }
}
