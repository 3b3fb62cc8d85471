package org.lakepg.server.catalog.objects;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.AggregateEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * The pg_aggregate rows of user-defined aggregates (CREATE AGGREGATE), in catalog relation 22; the aggregate's
 * pg_proc row (kind 'a') lives in lakepg_proc like any function.
 */
public final class AggregateCatalog {
    static final int RELATION = 22;
    private final CatalogHeap heap;

    AggregateCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_aggregate", exists, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8,
                TypeOids.BOOL, TypeOids.INT8, TypeOids.INT8, TypeOids.TEXT,
                // the moving-aggregate columns, added later: rows written before read them as NULL
                TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.BOOL, TypeOids.INT8, TypeOids.TEXT);
    }

    public Optional<AggregateEntry> find(Snapshot snapshot, long function) {
        return heap.rows(snapshot, r -> r[0].equals(function)).stream().findFirst().map(AggregateCatalog::decode);
    }

    public List<AggregateEntry> all(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(AggregateCatalog::decode).toList();
    }

    public void create(Transaction txn, AggregateEntry a) {
        AggregateEntry.MovingAggregate m = a.moving();
        heap.insert(txn, a.function(), String.valueOf(a.kind()), (long) a.directArgumentCount(),
                a.transitionFunction(), a.finalFunction(), a.combineFunction(), a.serialFunction(),
                a.deserialFunction(), a.finalExtra(), a.sortOperator(), a.transitionType(), a.initialValue(),
                m == null ? null : m.transitionFunction(), m == null ? null : m.inverseFunction(),
                m == null ? null : m.finalFunction(), m == null ? null : m.finalExtra(),
                m == null ? null : m.transitionType(), m == null ? null : m.initialValue());
    }

    public void drop(Transaction txn, long function) {
        heap.delete(txn, r -> r[0].equals(function));
    }

    private static AggregateEntry decode(Object[] r) {
        return new AggregateEntry((Long) r[0], ((String) r[1]).charAt(0), ((Long) r[2]).intValue(), (Long) r[3],
                (Long) r[4], (Long) r[5], (Long) r[6], (Long) r[7], (Boolean) r[8], (Long) r[9], (Long) r[10],
                (String) r[11], r[12] == null ? null : new AggregateEntry.MovingAggregate((Long) r[12], (Long) r[13],
                        (Long) r[14], (Boolean) r[15], (Long) r[16], (String) r[17]));
    }
}
