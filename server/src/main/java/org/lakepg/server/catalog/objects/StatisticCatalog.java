package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * What VACUUM and ANALYZE measured, kept in catalog relation 21 so a restarted compute plans as before (PostgreSQL's
 * pg_class.reltuples/relpages and pg_statistic): per table a size row (attnum 0) and one row per analyzed column.
 * Values are stored in their type's binary form, which no session setting changes; the column's type is stored with
 * them so statistics of a column whose type changed since are not read back as the new type.
 */
public final class StatisticCatalog {
    public static final int RELATION = 21;
    private static final int SIZE_ROW = 0;
    private final CatalogHeap heap;

    StatisticCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_statistic", exists, TypeOids.INT8, TypeOids.INT4,
                TypeOids.FLOAT8, TypeOids.INT8, TypeOids.FLOAT8, TypeOids.INT4, TypeOids.FLOAT8, TypeOids.INT8,
                TypeOids.BYTEA, TypeOids.BYTEA, TypeOids.BYTEA, TypeOids.FLOAT8);
    }

    /**
     * Records a measurement of a table whose columns have {@code columnTypes}; a measurement without column statistics
     * (VACUUM) replaces only the size and keeps the columns of the last ANALYZE, as PostgreSQL's VACUUM keeps
     * pg_statistic.
     */
    public void record(Transaction txn, long relid, long[] columnTypes, RelationStatistics measured) {
        boolean columns = !measured.columns().isEmpty();
        heap.delete(txn, r -> r[0].equals(relid) && (columns || r[1].equals(SIZE_ROW)));
        heap.insert(txn, relid, SIZE_ROW, measured.tuples(), measured.pages(), null, null, null, null, null, null,
                null, null);
        for (int i = 0; i < measured.columns().size() && i < columnTypes.length; i++) {
            ColumnStatistics c = measured.columns().get(i);
            if (c != null) {
                long type = columnTypes[i];
                byte[][] values = encodeValues(type, c);
                heap.insert(txn, relid, i + 1, null, null, c.nullFrac(), c.avgWidth(), c.nDistinct(), type,
                        values[0], values == EMPTY ? null : encode(TypeOids.FLOAT8, c.mcvFrequencies()), values[1],
                        c.correlation());
            }
        }
    }

    /** Removes what is kept of tables that no longer exist (an ANALYZE of the whole database tidies up). */
    public void forgetAllBut(Transaction txn, Set<Long> tables) {
        if (heap.rows(txn.snapshot()).stream().anyMatch(r -> !tables.contains((Long) r[0]))) {
            heap.delete(txn, r -> !tables.contains((Long) r[0]));
        }
    }

    /**
     * The measurements of the tables in {@code columnTypes} (table oid to its current column types); columns whose
     * type differs from the recorded one have no statistics.
     */
    public Map<Long, RelationStatistics> load(Snapshot snapshot, Map<Long, long[]> columnTypes) {
        Map<Long, Object[]> sizes = new HashMap<>();
        Map<Long, List<Object[]>> columns = new HashMap<>();
        for (Object[] r : heap.rows(snapshot)) {
            if (!columnTypes.containsKey((Long) r[0])) {
                continue;
            }
            if ((Integer) r[1] == SIZE_ROW) {
                sizes.put((Long) r[0], r);
            } else {
                columns.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, RelationStatistics> out = new HashMap<>();
        for (Map.Entry<Long, Object[]> e : sizes.entrySet()) {
            long[] types = columnTypes.get(e.getKey());
            ColumnStatistics[] stats = new ColumnStatistics[types.length];
            int last = 0;
            for (Object[] r : columns.getOrDefault(e.getKey(), List.of())) {
                int attnum = (Integer) r[1];
                if (attnum <= types.length && types[attnum - 1] == (Long) r[7]) {
                    stats[attnum - 1] = decodeColumn(r);
                    last = Math.max(last, attnum);
                }
            }
            Object[] size = e.getValue();
            out.put(e.getKey(), new RelationStatistics((Double) size[2], (Long) size[3],
                    Arrays.asList(stats).subList(0, last)));
        }
        return out;
    }

    private static final byte[][] EMPTY = {null, null};

    /** Bytes of values a catalog row may hold: it has no out-of-line storage and must fit in a page. */
    private static final int MAX_VALUE_BYTES = 6000;

    /**
     * The MCVs and histogram bounds in binary form; nothing for a type without binary I/O, nor for values too wide
     * for a catalog row (PostgreSQL keeps them out of line): the planner then has the column's scalar statistics.
     */
    private static byte[][] encodeValues(long type, ColumnStatistics c) {
        try {
            byte[][] values = {encode(type, c.mcvValues()), encode(type, c.histogram())};
            return values[0].length + values[1].length + 8 * c.mcvFrequencies().size() > MAX_VALUE_BYTES ? EMPTY
                    : values;
        } catch (RuntimeException e) {
            return EMPTY;
        }
    }

    private static byte[] encode(long type, List<?> values) {
        long[] types = new long[values.size()];
        Arrays.fill(types, type);
        return new RowCodec(types).encode(values.toArray());
    }

    private static List<Object> decode(long type, byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        int n = java.nio.ByteBuffer.wrap(bytes).getShort();
        long[] types = new long[n];
        Arrays.fill(types, type);
        return Arrays.asList(new RowCodec(types).decode(bytes));
    }

    private static ColumnStatistics decodeColumn(Object[] r) {
        long type = (Long) r[7];
        List<Object> mcv;
        List<Object> histogram;
        List<Double> frequencies = new ArrayList<>();
        try {
            mcv = decode(type, (byte[]) r[8]);
            histogram = decode(type, (byte[]) r[10]);
            for (Object f : decode(TypeOids.FLOAT8, (byte[]) r[9])) {
                frequencies.add((Double) f);
            }
        } catch (RuntimeException e) {
            // a type whose values cannot be read back: the column keeps its scalar statistics
            mcv = List.of();
            histogram = List.of();
            frequencies.clear();
        }
        if (frequencies.size() != mcv.size()) {
            mcv = List.of();
            frequencies.clear();
        }
        return new ColumnStatistics((Double) r[4], (Integer) r[5], (Double) r[6], mcv, frequencies, histogram,
                (Double) r[11]);
    }
}
