package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapVacuum;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.Lsn;

/**
 * The materializer's transaction does not hold back pruning, so a row version its snapshot sees may be pruned
 * before its page is decoded; the page is then read as it was at the materialization's LSN, and the snapshot still
 * holds exactly the table at that LSN.
 */
class HeapTableSourceAsOfTest {

    private static final long INT4 = 23;

    @Test
    void aRowDeletedAndPrunedAfterThePointIsStillMaterialized() {
        AccessFixture f = AccessFixture.inMemory(64);
        TableInfo table = new TableInfo(1, "t", 2200, 16384, 0,
                List.of(new ColumnInfo("v", (short) 1, INT4, -1, false)));
        HeapRelation heap = HeapRelation.create(f.ctx, table.relation(), "t", HeapOptions.defaults(0));
        RowCodec codec = new RowCodec(table.columnTypes());
        Transaction load = f.txns().begin();
        List<Tid> tids = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            tids.add(heap.insert(load, codec.encode(new Object[] {v})));
        }
        load.commit();

        MaterializationPoint point = MaterializationPoint.take(f.ctx);
        try {
            Transaction deleter = f.txns().begin();
            assertThat(heap.delete(deleter, tids.get(1), WaitPolicy.BLOCK)).isInstanceOf(
                    org.lakepg.server.access.heap.WriteResult.Ok.class);
            deleter.commit();
            // the point's snapshot does not hold the horizon: the deleted version is pruned at once
            assertThat(f.txns().oldestXmin()).isGreaterThan(deleter.topXid());
            assertThat(HeapVacuum.prune(heap, f.txns().oldestXmin()).removedTuples()).isEqualTo(1);

            assertThat(values(source(f, table, heap, point), point.lsn())).containsExactly(1, 2, 3);
            // what reading the current page would give: the row the point's snapshot sees is gone
            assertThat(values(new HeapTableSource("t", table, ColumnTypes.schema(table).orElseThrow(), heap,
                    point.transaction().snapshot(), f.pages, f.timeline, null, "r/"), point.lsn()))
                    .containsExactly(1, 3);
        } finally {
            point.transaction().rollback();
        }
    }

    private static HeapTableSource source(AccessFixture f, TableInfo table, HeapRelation heap,
                                          MaterializationPoint point) {
        return new HeapTableSource("t", table, ColumnTypes.schema(table).orElseThrow(), heap,
                point.transaction().snapshot(), f.pages, f.timeline, null, "r/").readingAsOf(point.lsn());
    }

    private static List<Object> values(HeapTableSource source, Lsn lsn) {
        List<Object> out = new ArrayList<>();
        source.readPages(new PageRange(0, source.pageCount(lsn)), lsn, (page, row) -> out.add(row[0]));
        return out;
    }
}
