package org.lakepg.analytics.exec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.VectorBuilder;

/**
 * Assigns each input row the id of its group (0, 1, 2, ... in order of first appearance) and keeps each group's
 * key values from its first row, as PostgreSQL's hash aggregate does. One integer-like key column takes an
 * open-addressing long map; anything else hashes PostgreSQL-equality keys.
 */
final class GroupTable {

    private final int[] keyColumns;
    private final VectorBuilder[] keyValues;
    private int groupCount;
    // single integer key
    private long[] slotsKey = new long[1024];
    private int[] slotsGroup = new int[1024];
    private int used;
    private int nullGroup = -1;
    // general keys
    private final Map<Object, Integer> groups = new HashMap<>();

    GroupTable(Schema input, List<Integer> keyColumns) {
        this.keyColumns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
        this.keyValues = new VectorBuilder[this.keyColumns.length];
        for (int k = 0; k < this.keyColumns.length; k++) {
            keyValues[k] = new VectorBuilder(input.column(this.keyColumns[k]).type(), 1024);
        }
        Arrays.fill(slotsGroup, -1);
    }

    int groupCount() {
        return groupCount;
    }

    /** Fills {@code ids[0..rowCount)} with the group of each row, creating groups as needed. */
    void assign(Batch batch, int[] ids) {
        int n = batch.rowCount();
        if (keyColumns.length == 0) {
            if (groupCount == 0) {
                groupCount = 1;
            }
            Arrays.fill(ids, 0, n, 0);
            return;
        }
        ColumnVector first = batch.column(keyColumns[0]);
        if (keyColumns.length == 1 && (first instanceof LongVector || first instanceof IntVector
                || first instanceof ShortVector)) {
            assignIntegers(batch, first, ids);
            return;
        }
        ColumnVector[] keys = new ColumnVector[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(keyColumns[k]);
        }
        for (int r = 0; r < n; r++) {
            Object key;
            if (keys.length == 1) {
                key = new Single(ValueOrder.equalityKey(keys[0].get(r)));
            } else {
                Object[] parts = new Object[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    parts[k] = ValueOrder.equalityKey(keys[k].get(r));
                }
                key = new Composite(parts);
            }
            Integer id = groups.get(key);
            if (id == null) {
                id = newGroup(keys, r);
                groups.put(key, id);
            }
            ids[r] = id;
        }
    }

    /** A one-column key (a record, so NULL is a valid key). */
    private record Single(Object value) {
    }

    /** Several key columns, compared element-wise. */
    private record Composite(Object[] parts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Composite c && Arrays.equals(parts, c.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }
    }

    private int newGroup(ColumnVector[] keys, int row) {
        for (int k = 0; k < keys.length; k++) {
            keyValues[k].addFrom(keys[k], row);
        }
        return groupCount++;
    }

    private void assignIntegers(Batch batch, ColumnVector key, int[] ids) {
        int n = batch.rowCount();
        long[] values = Vectors.longs(key);
        ColumnVector[] keys = {key};
        boolean nulls = key.nulls().hasNulls();
        for (int r = 0; r < n; r++) {
            if (nulls && key.isNull(r)) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(keys, r);
                }
                ids[r] = nullGroup;
                continue;
            }
            long v = values[r];
            int mask = slotsKey.length - 1;
            int slot = (int) (mix(v) & mask);
            while (true) {
                int g = slotsGroup[slot];
                if (g < 0) {
                    g = newGroup(keys, r);
                    slotsKey[slot] = v;
                    slotsGroup[slot] = g;
                    if (++used * 2 > slotsKey.length) {
                        grow();
                    }
                    ids[r] = g;
                    break;
                }
                if (slotsKey[slot] == v) {
                    ids[r] = g;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = slotsKey;
        int[] oldGroups = slotsGroup;
        slotsKey = new long[oldKeys.length * 2];
        slotsGroup = new int[oldKeys.length * 2];
        Arrays.fill(slotsGroup, -1);
        int mask = slotsKey.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldGroups[i] >= 0) {
                int slot = (int) (mix(oldKeys[i]) & mask);
                while (slotsGroup[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slotsKey[slot] = oldKeys[i];
                slotsGroup[slot] = oldGroups[i];
            }
        }
    }

    /** The key columns' values, one row per group. */
    ColumnVector[] keyVectors() {
        ColumnVector[] out = new ColumnVector[keyValues.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = keyValues[k].build();
        }
        return out;
    }
}
