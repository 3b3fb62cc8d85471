package org.lakepg.server.function.scalar;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/** Facts about the running server: start time, WAL position, the current transaction id, recovery. */
public final class ServerInfoFunctions {
    private ServerInfoFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("pg_postmaster_start_time", (x, c) -> c.catalogView().sources().serverStartMicros());
        r.register("pg_conf_load_time", (x, c) -> c.catalogView().sources().serverStartMicros());
        r.register("pg_current_wal_lsn", (x, c) -> primaryWalLsn(c));
        r.register("pg_current_wal_insert_lsn", (x, c) -> primaryWalLsn(c));
        r.register("pg_current_wal_flush_lsn", (x, c) -> primaryWalLsn(c));
        r.register("pg_is_in_recovery", (x, c) -> isReplica(c));
        // a read replica "replays" by reading at a later LSN; the primary has nothing to replay (NULL, as in PG)
        r.register("pg_last_wal_replay_lsn", (x, c) -> c.replicaReplayLsn());
        r.register("pg_last_wal_receive_lsn", (x, c) -> c.replicaReplayLsn());
        r.register("pg_jit_available", (x, c) -> false);
        r.register("pg_current_xact_id", (x, c) -> transactionId(c));
        r.register("pg_current_xact_id_if_assigned", (x, c) -> transactionId(c));
        r.register("pg_relation_is_publishable", (x, c) -> false);
        r.register("pg_cancel_backend", (x, c) -> signal(c, (Integer) x[0], false));
        r.register("pg_terminate_backend", (x, c) -> signal(c, (Integer) x[0], true));
    }

    private static boolean isReplica(FunctionContext c) {
        return "on".equals(c.setting("lakepg.replica"));
    }

    /** The primary's WAL position; a replica has none to report, as a PostgreSQL standby during recovery. */
    private static long primaryWalLsn(FunctionContext c) {
        if (isReplica(c)) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "recovery is in progress").withHint("WAL control functions cannot be executed during recovery.");
        }
        return c.catalogView().sources().currentWalLsn();
    }

    /** Cancels (or terminates) another session; a PID that is no session gives a WARNING and false, as in PostgreSQL. */
    private static boolean signal(FunctionContext c, int pid, boolean terminate) {
        var sources = c.catalogView().sources();
        if (terminate ? sources.terminateBackend(pid) : sources.cancelBackend(pid)) {
            return true;
        }
        c.catalogView().sources().notice(org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.WARNING,
                "PID %d is not a PostgreSQL backend process", pid)
                .withSeverity(org.lakepg.wire.error.PgException.Severity.WARNING));
        return false;
    }

    /** The statement's transaction id (assigned on first use, as PostgreSQL assigns one for txid_current). */
    private static Long transactionId(FunctionContext c) {
        if (c instanceof ExecContext e) {
            return e.tables().transaction().xid();
        }
        return null;
    }
}
