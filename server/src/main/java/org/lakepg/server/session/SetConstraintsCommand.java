package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.exec.constraint.DeferredChecks;
import org.lakepg.server.sql.ast.ConstraintsSetStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** SET CONSTRAINTS { ALL | name, ... } { DEFERRED | IMMEDIATE }, for the rest of the transaction. */
final class SetConstraintsCommand {
    private SetConstraintsCommand() {}

    static Execution run(ConstraintsSetStmt s, Transaction txn, SessionRelations relations, DeferredChecks deferred,
                         boolean inExplicitBlock, Consumer<PgException> notices) {
        if (!inExplicitBlock) {
            notices.accept(PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "SET CONSTRAINTS can only be used in transaction blocks").withSeverity(PgException.Severity.WARNING));
        }
        List<Long> which = null;
        if (s.constraints() != null && !s.constraints().isEmpty()) {
            which = new ArrayList<>();
            for (RangeVar name : s.constraints()) {
                List<ConstraintInfo> found = relations.catalog().constraints(txn.snapshot()).stream()
                        .filter(c -> c.name().equals(name.relname())).toList();
                if (found.isEmpty()) {
                    throw PgException.of(SqlState.UNDEFINED_OBJECT, "constraint \"%s\" does not exist", name.relname());
                }
                for (ConstraintInfo c : found) {
                    if (!c.deferrable()) {
                        throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "constraint \"%s\" is not deferrable", c.name());
                    }
                    which.add(c.oid());
                }
            }
        }
        if (deferred != null) {
            txn.commandCounterIncrement();
            deferred.setMode(which, s.deferred());
        }
        return Execution.done("SET CONSTRAINTS");
    }
}
