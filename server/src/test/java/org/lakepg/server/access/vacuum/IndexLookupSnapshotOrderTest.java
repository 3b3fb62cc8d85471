package org.lakepg.server.access.vacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The cause of a flaky {@link ConcurrentVacuumTest} (a reader saw 199 of 200 rows, always the first id it looked
 * up): its lookup opened the index scan before the transaction's first snapshot existed. A scan copies its first
 * leaf when it is created, so an update committed between that copy and the snapshot was invisible both ways: the
 * snapshot no longer saw the old version, and the scan never saw the new version's index entry.
 */
class IndexLookupSnapshotOrderTest {

    @Test
    void aScanOpenedBeforeTheSnapshotMissesARowUpdatedInBetweenAndALookupTakingItFirstDoesNot() {
        AccessFixture f = AccessFixture.inMemory(64);
        VacuumTest.Table table = new VacuumTest.Table(f, true);
        Transaction load = f.txns().begin();
        table.insert(load, 7, 100, 10);
        load.commit();
        byte[] key = KeyEncoding.key().addLong(7).build();

        Transaction reader = f.txns().begin();
        Iterator<IndexEntry> openedEarly = table.index.scan(ScanBound.inclusive(key), ScanBound.inclusive(key), true);
        Transaction writer = f.txns().begin();
        writer.startStatement();
        table.update(writer, 7, 101, 10, false); // not HOT: the new version gets its own index entry
        writer.commit();
        Snapshot takenLate = reader.snapshot();

        List<HeapTuple> seenThroughEarlyScan = new ArrayList<>();
        openedEarly.forEachRemaining(e -> table.heap.fetchThroughChain(takenLate, e.tid())
                .ifPresent(seenThroughEarlyScan::add));
        assertThat(seenThroughEarlyScan).as("the hazard: neither version is reachable").isEmpty();

        // the test tables' lookup takes (or reuses) the snapshot before it opens the scan
        assertThat(table.find(reader, 7)).map(t -> Bytes.i64(t.payload(), 8)).contains(101L);
        reader.commit();
    }
}
