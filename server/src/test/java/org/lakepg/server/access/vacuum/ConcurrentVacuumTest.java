package org.lakepg.server.access.vacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.api.Test;

/** Transfers through index lookups (HOT and non-HOT updates) while autovacuum prunes underneath. */
class ConcurrentVacuumTest {

    private static final int ACCOUNTS = 200;

    @Test
    void transfersReadersAndAutovacuumTogetherKeepTheTotalAndAConsistentIndex() throws Exception {
        AccessFixture f = AccessFixture.inMemory(48);
        VacuumTest.Table table = new VacuumTest.Table(f, true);
        Transaction load = f.txns().begin();
        for (long id = 0; id < ACCOUNTS; id++) {
            table.insert(load, id, 100, 60);
        }
        load.commit();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        try (AutoVacuum auto = new AutoVacuum(20, 0.05, 10)) {
            auto.register(new AutoVacuum.Table(table.heap, () -> List.of(table.index)));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = w;
                threads.add(Thread.ofPlatform().start(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 1000 && failures.isEmpty(); i++) {
                        long from = random.nextInt(ACCOUNTS);
                        long to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        Transaction t = f.txns().begin();
                        try {
                            t.startStatement();
                            add(table, t, from, -1, random.nextBoolean());
                            t.startStatement();
                            add(table, t, to, 1, random.nextBoolean());
                            t.commit();
                            committed.incrementAndGet();
                        } catch (PgException e) {
                            t.rollback();
                            if (e.sqlState() != SqlState.T_R_DEADLOCK_DETECTED) {
                                failures.add(e);
                            }
                        } catch (Throwable e) {
                            t.rollback();
                            failures.add(e);
                        }
                    }
                }));
            }
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        Transaction r = f.txns().begin();
                        r.startStatement(); // one snapshot for the whole check, taken before any index is read
                        long sum = 0;
                        int found = 0;
                        for (long id = 0; id < ACCOUNTS; id++) {
                            var row = table.find(r, id);
                            if (row.isPresent()) {
                                sum += Bytes.i64(row.get().payload(), 8);
                                found++;
                            }
                        }
                        r.commit();
                        assertThat(found).isEqualTo(ACCOUNTS);
                        assertThat(sum).isEqualTo(ACCOUNTS * 100L);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            for (Thread t : threads) {
                t.join();
            }
            stop.set(true);
            reader.join();
            assertThat(failures).isEmpty();
            assertThat(auto.runs()).isPositive();
        }
        Vacuum.run(table.heap, List.of(table.index));
        assertThat(table.verify()).isEmpty();
        assertThat(table.indexEntries()).isEqualTo(ACCOUNTS);
        assertThat(committed.get()).isGreaterThan(1000);
    }

    /** READ COMMITTED UPDATE ... SET value = value + delta WHERE id = ?, through the index. */
    private static void add(VacuumTest.Table table, Transaction txn, long id, long delta, boolean hot) {
        HeapTuple t = table.find(txn, id).orElseThrow(() -> new AssertionError("row " + id + " not found"));
        while (true) {
            byte[] row = t.payload().clone();
            Bytes.i64(row, 8, Bytes.i64(row, 8) + delta);
            WriteResult r = table.heap.update(txn, t.tid(), row, hot, WaitPolicy.BLOCK);
            switch (r) {
                case WriteResult.Ok ok -> {
                    Tid tid = ok.tid();
                    if (!table.heap.isHeapOnly(tid)) {
                        table.index.insert(txn, VacuumTest.Table.keyOf(row), tid, null);
                    }
                    return;
                }
                case WriteResult.Updated u -> t = table.heap.fetchLatest(txn, u.newer()).orElseThrow();
                default -> throw new AssertionError("unexpected " + r);
            }
        }
    }
}
