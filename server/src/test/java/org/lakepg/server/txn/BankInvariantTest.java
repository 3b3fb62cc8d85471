package org.lakepg.server.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 8 threads move money between accounts; concurrent readers always see the same total. */
class BankInvariantTest {

    private static final int ACCOUNTS = 10;
    private static final long INITIAL = 1000;
    private static final int TRANSFERS_PER_THREAD = 150;

    @ParameterizedTest
    @EnumSource(value = IsolationLevel.class, names = {"READ_COMMITTED", "REPEATABLE_READ"})
    void theTotalNeverChanges(IsolationLevel level) throws Exception {
        AccessFixture f = AccessFixture.inMemory(48);
        Bank bank = new Bank(HeapRelation.create(f.ctx, 16384, "accounts", HeapOptions.defaults(0)));
        Transaction setup = f.txns().begin();
        for (int i = 0; i < ACCOUNTS; i++) {
            bank.open(setup, i, INITIAL);
        }
        setup.commit();
        long expected = ACCOUNTS * INITIAL;
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> observedTotals = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            long seed = w;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(seed);
                try {
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        long amount = 1 + random.nextInt(50);
                        while (true) {
                            Transaction t = f.txns().begin(level);
                            try {
                                t.startStatement();
                                bank.add(t, from, -amount);
                                t.startStatement();
                                bank.add(t, to, amount);
                                t.commit();
                                committed.incrementAndGet();
                                break;
                            } catch (PgException e) {
                                t.rollback();
                                if (e.sqlState() != SqlState.T_R_SERIALIZATION_FAILURE
                                        && e.sqlState() != SqlState.T_R_DEADLOCK_DETECTED) {
                                    throw e;
                                }
                                retries.incrementAndGet();
                            } catch (RuntimeException | Error e) {
                                t.rollback(); // never leave a failed writer's locks behind
                                throw e;
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    Transaction r = f.txns().begin(level);
                    r.startStatement();
                    observedTotals.add(bank.total(r));
                    r.commit();
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        reader.join();
        assertThat(failures).isEmpty();
        assertThat(committed.get()).isEqualTo(8 * TRANSFERS_PER_THREAD);
        assertThat(observedTotals).isNotEmpty().allMatch(total -> total == expected);
        Transaction check = f.txns().begin();
        assertThat(bank.total(check)).isEqualTo(expected);
        AccessFixture restarted = f.restart();
        Bank again = new Bank(HeapRelation.open(restarted.ctx, 16384, "accounts", HeapOptions.defaults(0)));
        assertThat(again.total(restarted.txns().begin())).isEqualTo(expected);
        System.out.printf("bank %s: %d transfers, %d retries, %d totals observed%n", level, committed.get(),
                retries.get(), observedTotals.size());
    }
}
