package org.lakepg.server.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.storage.Lsn;
import org.junit.jupiter.api.Test;

/** The commit log lives in pages, so a compute reading at an older LSN sees exactly what was committed then. */
class TimeTravelTest {

    private static List<String> rows(AccessFixture compute) {
        HeapRelation heap = HeapRelation.open(compute.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction t = compute.txns().begin(IsolationLevel.REPEATABLE_READ);
        List<String> out = new ArrayList<>();
        heap.scan(t.snapshot()).forEachRemaining(tuple -> out.add(new String(tuple.payload(), StandardCharsets.UTF_8)));
        t.commit();
        return out.stream().sorted().toList();
    }

    @Test
    void aComputeReadingAtAnOlderLsnSeesExactlyWhatWasCommittedThen() {
        AccessFixture f = AccessFixture.inMemory(32);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction t1 = f.txns().begin();
        Tid a = heap.insert(t1, "a".getBytes(StandardCharsets.UTF_8));
        t1.commit();
        Lsn afterFirst = f.wal.insertLsn(f.timeline);

        Transaction t2 = f.txns().begin();
        t2.startStatement();
        heap.update(t2, a, "b".getBytes(StandardCharsets.UTF_8), true, WaitPolicy.BLOCK);
        heap.insert(t2, "c".getBytes(StandardCharsets.UTF_8));
        Transaction open = f.txns().begin();
        heap.insert(open, "uncommitted".getBytes(StandardCharsets.UTF_8));
        Lsn beforeSecondCommit = f.wal.insertLsn(f.timeline);
        t2.commit();
        Lsn afterSecond = f.wal.insertLsn(f.timeline);

        AccessFixture then = new AccessFixture(f.wal, f.pages, f.timeline, 32, afterFirst);
        assertThat(rows(then)).containsExactly("a");
        AccessFixture justBefore = new AccessFixture(f.wal, f.pages, f.timeline, 32, beforeSecondCommit);
        assertThat(rows(justBefore)).containsExactly("a"); // t2's changes are there, its commit is not yet
        AccessFixture now = new AccessFixture(f.wal, f.pages, f.timeline, 32, afterSecond);
        assertThat(rows(now)).containsExactly("b", "c");
        open.rollback();
    }
}
