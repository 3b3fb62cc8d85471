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
        r.register("pg_current_wal_lsn", (x, c) -> c.catalogView().sources().currentWalLsn());
        r.register("pg_current_wal_insert_lsn", (x, c) -> c.catalogView().sources().currentWalLsn());
        r.register("pg_current_wal_flush_lsn", (x, c) -> c.catalogView().sources().currentWalLsn());
        r.register("pg_is_in_recovery", (x, c) -> false);
        r.register("pg_jit_available", (x, c) -> false);
        r.register("pg_current_xact_id", (x, c) -> transactionId(c));
        r.register("pg_current_xact_id_if_assigned", (x, c) -> transactionId(c));
        r.register("pg_relation_is_publishable", (x, c) -> false);
    }

    /** The statement's transaction id (assigned on first use, as PostgreSQL assigns one for txid_current). */
    private static Long transactionId(FunctionContext c) {
        if (c instanceof ExecContext e) {
            return e.tables().transaction().xid();
        }
        return null;
    }
}
