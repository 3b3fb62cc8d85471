package org.lakepg.server.session;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.txn.Deadline;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.protocol.ResultSink;

/**
 * What stops a running statement: statement_timeout and lock_timeout (SET, per statement, from its start)
 * and the client, by a CancelRequest or by closing the connection (a statement nobody reads must not run on
 * and fill memory). The executor's operators check these at the same points as pg_cancel_backend.
 */
final class StatementLimits {
    private StatementLimits() {}

    static void apply(ExecContext context, ResultSink sink, Transaction txn, SessionSettings settings) {
        if (sink != null) {
            context.stopWhen(sink::isCancelled);
        }
        if (txn != null && txn.state() == Transaction.State.ACTIVE) {
            txn.setDeadline(new Deadline(settings.statementTimeout(), settings.lockTimeout(),
                    context::cancelRequested));
        }
    }
}
