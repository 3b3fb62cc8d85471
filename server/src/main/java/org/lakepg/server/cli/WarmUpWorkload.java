package org.lakepg.server.cli;

import java.io.IOException;

/**
 * The statements a warm-up runs (a scratch server's in {@link ScratchWarmUp}, a scratch database's in
 * {@link DatabaseWarmUp}): what a first client of an OLTP database does, after pgbench's TPC-B-like shape — a bulk
 * load, index builds and VACUUM, then short transactions on hot and cold rows in the simple and the extended
 * protocol, with a grouping query and a catalog query now and then.
 */
final class WarmUpWorkload {
    private static final int BRANCHES = 4;
    private static final int TELLERS = 40;
    /** How many accounts: a standby's short warm-up loads few, a cluster compute's more (a deeper index). */
    private final int accounts;

    WarmUpWorkload(int accounts) {
        this.accounts = accounts;
    }

    /** Creates and fills the workload's tables (once per database; safe to repeat); returns the statements run. */
    int setUp(WarmUpClient c) throws IOException {
        c.simpleQuery("set extra_float_digits = 3");
        c.simpleQuery("drop table if exists warm_accounts, warm_tellers, warm_branches, warm_history");
        c.simpleQuery("create table warm_branches (bid int not null, bbalance int, filler char(88))");
        c.simpleQuery("create table warm_tellers (tid int not null, bid int, tbalance int, filler char(84))");
        c.simpleQuery("create table warm_accounts (aid int not null, bid int, abalance int, filler char(84))");
        c.simpleQuery("create table warm_history (tid int, bid int, aid int, delta int, mtime timestamp,"
                + " filler char(22))");
        // as pgbench -i loads: in one transaction, small tables row by row, the big one by COPY
        c.simpleQuery("begin");
        c.simpleQuery("truncate warm_accounts, warm_branches, warm_history, warm_tellers");
        for (int b = 1; b <= BRANCHES; b++) {
            c.simpleQuery("insert into warm_branches (bid, bbalance) values (" + b + ", 0)");
        }
        for (int t = 1; t <= TELLERS; t++) {
            c.simpleQuery("insert into warm_tellers (tid, bid, tbalance) values (" + t + ", " + (1 + (t - 1) % BRANCHES)
                    + ", 0)");
        }
        StringBuilder rows = new StringBuilder();
        for (int a = 1; a <= accounts; a++) {
            rows.append(a).append('\t').append(1 + (a - 1) % BRANCHES).append("\t0\t\n");
        }
        c.copyIn("copy warm_accounts from stdin", rows.toString());
        c.simpleQuery("commit");
        c.simpleQuery("insert into warm_history select tid, bid, tid, 0, now() from warm_tellers");
        c.simpleQuery("vacuum analyze warm_branches, warm_tellers, warm_accounts, warm_history");
        c.simpleQuery("alter table warm_branches add primary key (bid)");
        c.simpleQuery("alter table warm_tellers add primary key (tid)");
        c.simpleQuery("alter table warm_accounts add primary key (aid)");
        return 16 + BRANCHES + TELLERS;
    }

    /**
     * Runs transactions while {@code keepGoing} says so, at most {@code maxIterations}; {@code stream} spreads
     * concurrent clients over different accounts. Counts the statements run in {@code ran} as they run.
     */
    void run(WarmUpClient c, int stream, java.util.function.BooleanSupplier keepGoing, long maxIterations,
            java.util.concurrent.atomic.AtomicInteger ran) throws IOException {
        for (int i = 0; keepGoing.getAsBoolean() && i < maxIterations; i++) {
            long k = i * 7919L + stream * 997L;
            String aid = Long.toString(1 + k % accounts);
            String tid = Long.toString(1 + k % TELLERS);
            String bid = Long.toString(1 + k % BRANCHES);
            c.simpleQuery("begin");
            c.simpleQuery("update warm_accounts set abalance = abalance + 1 where aid = " + aid);
            c.simpleQuery("select abalance from warm_accounts where aid = " + aid);
            c.simpleQuery("update warm_tellers set tbalance = tbalance + 1 where tid = " + tid);
            c.simpleQuery("update warm_branches set bbalance = bbalance + 1 where bid = " + bid);
            c.simpleQuery("insert into warm_history (tid, bid, aid, delta, mtime) values (" + tid + ", " + bid + ", "
                    + aid + ", 1, current_timestamp)");
            c.simpleQuery("end");
            c.extendedQuery("select abalance, filler from warm_accounts where aid = $1", aid);
            c.extendedQuery("update warm_accounts set abalance = abalance - $1 where aid = $2", "1", aid);
            ran.addAndGet(9);
            if (i % 50 == 0) {
                c.simpleQuery("select bid, count(*), sum(abalance) from warm_accounts group by bid order by 1");
                c.simpleQuery("select n.nspname, c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace"
                        + " n on n.oid = c.relnamespace where c.relkind = 'r' order by 1, 2");
                ran.addAndGet(2);
            }
        }
    }
}
