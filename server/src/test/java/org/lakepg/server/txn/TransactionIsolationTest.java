package org.lakepg.server.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The isolation behaviours PostgreSQL 15 shows (checked against it by hand with two psql sessions). */
class TransactionIsolationTest {

    private AccessFixture f;
    private Bank bank;

    @BeforeEach
    void setUp() {
        f = AccessFixture.inMemory(64);
        bank = new Bank(HeapRelation.create(f.ctx, 16384, "accounts", HeapOptions.defaults(0)));
        Transaction t = f.txns().begin();
        bank.open(t, 1, 100);
        bank.open(t, 2, 100);
        t.commit();
    }

    private long balance(Transaction txn, int id) {
        return bank.find(txn, id).map(Bank::balance).orElseThrow();
    }

    @Test
    void noDirtyReads() {
        Transaction writer = f.txns().begin();
        writer.startStatement();
        bank.add(writer, 1, 50);
        Transaction reader = f.txns().begin();
        reader.startStatement();
        assertThat(balance(reader, 1)).isEqualTo(100);
        writer.rollback();
        reader.startStatement();
        assertThat(balance(reader, 1)).isEqualTo(100);
    }

    @Test
    void nonRepeatableReadsOnlyUnderReadCommitted() {
        Transaction rc = f.txns().begin(IsolationLevel.READ_COMMITTED);
        Transaction rr = f.txns().begin(IsolationLevel.REPEATABLE_READ);
        rc.startStatement();
        rr.startStatement();
        assertThat(balance(rc, 1)).isEqualTo(100);
        assertThat(balance(rr, 1)).isEqualTo(100);
        Transaction writer = f.txns().begin();
        writer.startStatement();
        bank.add(writer, 1, 5);
        writer.commit();
        rc.startStatement();
        rr.startStatement();
        assertThat(balance(rc, 1)).isEqualTo(105);
        assertThat(balance(rr, 1)).isEqualTo(100);
    }

    @Test
    void lostUpdatesArePreventedReadCommittedWaitsAndRechecks() throws Exception {
        Transaction t1 = f.txns().begin();
        t1.startStatement();
        bank.add(t1, 1, 10);
        Transaction t2 = f.txns().begin();
        t2.startStatement();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> bank.add(t2, 1, 10));
        Thread.sleep(100);
        assertThat(second).isNotDone(); // blocked on t1's row lock
        t1.commit();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(120);
        t2.commit();
        Transaction r = f.txns().begin();
        assertThat(balance(r, 1)).isEqualTo(120);
    }

    @Test
    void repeatableReadFailsWithSerializationErrorOnAConcurrentUpdate() throws Exception {
        Transaction rr = f.txns().begin(IsolationLevel.REPEATABLE_READ);
        rr.startStatement();
        HeapTuple seen = bank.find(rr, 1).orElseThrow();
        Transaction t1 = f.txns().begin();
        t1.startStatement();
        bank.add(t1, 1, 10);
        CompletableFuture<WriteResult> blocked = CompletableFuture.supplyAsync(
                () -> bank.heap.update(rr, seen.tid(), Bank.row(1, 0), true, WaitPolicy.BLOCK));
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        t1.commit();
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(PgException.class)
                .hasMessage("could not serialize access due to concurrent update")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.T_R_SERIALIZATION_FAILURE);
        // and a concurrent delete is worded as PostgreSQL does
        Transaction rr2 = f.txns().begin(IsolationLevel.REPEATABLE_READ);
        rr2.startStatement();
        HeapTuple two = bank.find(rr2, 2).orElseThrow();
        Transaction deleter = f.txns().begin();
        deleter.startStatement();
        bank.heap.delete(deleter, bank.find(deleter, 2).orElseThrow().tid(), WaitPolicy.BLOCK);
        deleter.commit();
        assertThatThrownBy(() -> bank.heap.update(rr2, two.tid(), Bank.row(2, 1), true, WaitPolicy.BLOCK))
                .hasMessage("could not serialize access due to concurrent delete");
    }

    @Test
    void writeSkewIsPossibleUnderRepeatableRead() {
        Transaction a = f.txns().begin(IsolationLevel.REPEATABLE_READ);
        Transaction b = f.txns().begin(IsolationLevel.REPEATABLE_READ);
        a.startStatement();
        b.startStatement();
        // each checks that the total is at least 150, then withdraws 100 from a different account
        assertThat(bank.total(a)).isEqualTo(200);
        assertThat(bank.total(b)).isEqualTo(200);
        bank.add(a, 1, -100);
        bank.add(b, 2, -100);
        a.commit();
        b.commit(); // SERIALIZABLE in PostgreSQL would fail here; snapshot isolation does not
        Transaction r = f.txns().begin();
        assertThat(bank.total(r)).isZero();
    }

    @Test
    void nowaitAndSkipLocked() {
        Transaction holder = f.txns().begin();
        holder.startStatement();
        HeapTuple row = bank.find(holder, 1).orElseThrow();
        assertThat(bank.heap.lock(holder, row.tid(), LockMode.UPDATE, WaitPolicy.BLOCK))
                .isInstanceOf(WriteResult.Ok.class);
        Transaction other = f.txns().begin();
        other.startStatement();
        assertThatThrownBy(() -> bank.heap.lock(other, row.tid(), LockMode.SHARE, WaitPolicy.NOWAIT))
                .hasMessage("could not obtain lock on row in relation \"accounts\"")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        assertThat(bank.heap.lock(other, row.tid(), LockMode.SHARE, WaitPolicy.SKIP_LOCKED))
                .isInstanceOf(WriteResult.Skipped.class);
        // FOR KEY SHARE does not conflict with FOR NO KEY UPDATE
        Transaction keyShare = f.txns().begin();
        Transaction noKey = f.txns().begin();
        HeapTuple two = bank.find(keyShare, 2).orElseThrow();
        assertThat(bank.heap.lock(noKey, two.tid(), LockMode.NO_KEY_UPDATE, WaitPolicy.NOWAIT))
                .isInstanceOf(WriteResult.Ok.class);
        assertThat(bank.heap.lock(keyShare, two.tid(), LockMode.KEY_SHARE, WaitPolicy.NOWAIT))
                .isInstanceOf(WriteResult.Ok.class);
        holder.commit();
        assertThat(bank.heap.lock(other, row.tid(), LockMode.SHARE, WaitPolicy.NOWAIT))
                .isInstanceOf(WriteResult.Ok.class);
    }

    @Test
    void deadlocksAreDetected() throws Exception {
        Transaction a = f.txns().begin();
        Transaction b = f.txns().begin();
        a.startStatement();
        b.startStatement();
        bank.add(a, 1, 1);
        bank.add(b, 2, 1);
        CompletableFuture<Long> aWaits = CompletableFuture.supplyAsync(() -> bank.add(a, 2, 1));
        Thread.sleep(100);
        assertThatThrownBy(() -> bank.add(b, 1, 1))
                .isInstanceOf(PgException.class).hasMessage("deadlock detected")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.T_R_DEADLOCK_DETECTED);
        b.rollback();
        assertThat(aWaits.get(5, TimeUnit.SECONDS)).isEqualTo(101); // b rolled back its +1
        a.commit();
    }

    @Test
    void lockTimeoutAndStatementTimeoutAndCancel() {
        Transaction holder = f.txns().begin();
        holder.startStatement();
        bank.add(holder, 1, 1);
        Transaction waiter = f.txns().begin();
        waiter.startStatement();
        HeapTuple row = bank.find(waiter, 1).orElseThrow();
        waiter.setDeadline(Deadline.lockTimeout(50));
        assertThatThrownBy(() -> bank.heap.update(waiter, row.tid(), Bank.row(1, 0), true, WaitPolicy.BLOCK))
                .hasMessage("canceling statement due to lock timeout")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        waiter.setDeadline(new Deadline(50, 0, () -> false));
        assertThatThrownBy(() -> bank.heap.update(waiter, row.tid(), Bank.row(1, 0), true, WaitPolicy.BLOCK))
                .hasMessage("canceling statement due to statement timeout")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
        waiter.setDeadline(new Deadline(0, 0, () -> true));
        assertThatThrownBy(() -> bank.heap.update(waiter, row.tid(), Bank.row(1, 0), true, WaitPolicy.BLOCK))
                .hasMessage("canceling statement due to user request");
    }

    @Test
    void aScanStopsWhenTheStatementIsCancelled() {
        Transaction t = f.txns().begin();
        t.startStatement();
        t.setDeadline(new Deadline(0, 0, () -> true));
        assertThatThrownBy(() -> bank.total(t))
                .hasMessage("canceling statement due to user request")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
        t.setDeadline(Deadline.none());
        assertThat(bank.total(t)).isEqualTo(200);
    }

    @Test
    void savepointsUndoOnlyWhatFollowedThem() {
        Transaction t = f.txns().begin();
        t.startStatement();
        bank.open(t, 3, 1);
        t.savepoint("s");
        bank.open(t, 4, 1);
        t.startStatement();
        bank.add(t, 1, 1000);
        t.rollbackToSavepoint("s");
        t.startStatement();
        bank.open(t, 5, 1);
        t.savepoint("inner");
        bank.open(t, 6, 1);
        t.releaseSavepoint("inner");
        t.startStatement();
        assertThat(bank.find(t, 4)).isEmpty();
        assertThat(balance(t, 1)).isEqualTo(100);
        assertThatThrownBy(() -> t.rollbackToSavepoint("nope"))
                .hasMessage("savepoint \"nope\" does not exist")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.S_E_INVALID_SPECIFICATION);
        t.commit();
        Transaction r = f.txns().begin();
        assertThat(bank.find(r, 3)).isPresent();
        assertThat(bank.find(r, 4)).isEmpty();
        assertThat(bank.find(r, 5)).isPresent();
        assertThat(bank.find(r, 6)).isPresent();
        assertThat(balance(r, 1)).isEqualTo(100);
        // the row lock taken inside the rolled-back savepoint was released: another writer need not wait
        Transaction w = f.txns().begin();
        w.setDeadline(Deadline.lockTimeout(100));
        assertThat(bank.add(w, 1, 1)).isEqualTo(101);
        w.commit();
    }

    @Test
    void aRestartedComputeSeesCommittedWorkOnlyAndNeverReusesAnXid() {
        Transaction committed = f.txns().begin();
        committed.startStatement();
        bank.add(committed, 1, 1);
        committed.commit();
        Transaction open = f.txns().begin();
        open.startStatement();
        bank.add(open, 2, 1000);
        long usedXid = open.topXid();
        AccessFixture restarted = f.restart(); // "open" never committed: the compute died
        Bank again = new Bank(HeapRelation.open(restarted.ctx, 16384, "accounts", HeapOptions.defaults(0)));
        Transaction r = restarted.txns().begin();
        r.startStatement();
        assertThat(again.find(r, 1).map(Bank::balance)).contains(101L);
        assertThat(again.find(r, 2).map(Bank::balance)).contains(100L);
        assertThat(r.xid()).isGreaterThan(usedXid);
        again.add(r, 2, 1); // the dead transaction's version does not block anyone
        r.commit();
    }
}
