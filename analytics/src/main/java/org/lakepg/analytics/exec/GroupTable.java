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
import org.lakepg.analytics.batch.StringVector;
import org.lakepg.analytics.batch.VectorBuilder;

/**
 * Assigns each input row the id of its group (0, 1, 2, ... in order of first appearance) and keeps each group's
 * key values from its first row, as PostgreSQL's hash aggregate does. Each key column first maps its values to
 * small ids (integer-like values through an open-addressing map, others through a hash map of PostgreSQL-equality
 * keys, NULL being one more value); the ids of several columns are then combined pairwise into a long and mapped
 * again, so no per-row key object is allocated.
 */
final class GroupTable {

    private final Schema input;
    private final int[] keyColumns;
    private final VectorBuilder[] keyValues;
    private final ValueIds[] columnIds;
    /** For column k >= 1: (id of the key prefix up to k-1, id of column k) -> id of the prefix up to k. */
    private final PairIds[] prefixIds;
    private int groupCount;
    private int[] scratch = new int[0];
    private int[] prefix = new int[0];

    GroupTable(Schema input, List<Integer> keyColumns) {
        this(input, keyColumns, 0);
    }

    /** {@code expectedGroups}: with one key column, its value map is sized for that many values from the start. */
    GroupTable(Schema input, List<Integer> keyColumns, int expectedGroups) {
        this.input = input;
        this.keyColumns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
        this.keyValues = new VectorBuilder[this.keyColumns.length];
        this.columnIds = new ValueIds[this.keyColumns.length];
        this.prefixIds = new PairIds[this.keyColumns.length];
        for (int k = 0; k < this.keyColumns.length; k++) {
            keyValues[k] = new VectorBuilder(input.column(this.keyColumns[k]).type(), 1024);
            columnIds[k] = new ValueIds(keyColumns.size() == 1 ? expectedGroups : 0);
            prefixIds[k] = new PairIds();
        }
    }

    /** The schema of the batches this table assigns groups for. */
    Schema input() {
        return input;
    }

    int groupCount() {
        return groupCount;
    }

    /** Fills {@code ids[0..rowCount)} with the group of each row, creating groups as needed. */
    void assign(Batch batch, int[] ids) {
        assign(batch, null, batch.rowCount(), ids);
    }

    /**
     * Fills {@code ids[0..n)} with the groups of rows {@code rows[0..n)} of the batch (a selection, in place; null:
     * rows 0..n), creating groups as needed.
     */
    void assign(Batch batch, int[] rows, int n, int[] ids) {
        if (keyColumns.length == 0) {
            if (groupCount == 0) {
                groupCount = 1;
            }
            Arrays.fill(ids, 0, n, 0);
            return;
        }
        if (scratch.length < n) {
            scratch = new int[n];
            prefix = new int[n];
        }
        ColumnVector[] keys = new ColumnVector[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(keyColumns[k]);
        }
        if (assignDictionaryCodes(keys, rows, ids, n)) {
            return;
        }
        columnIds[0].assign(keys[0], rows, prefix, n);
        for (int k = 1; k < keys.length; k++) {
            columnIds[k].assign(keys[k], rows, scratch, n);
            prefixIds[k].assign(prefix, scratch, n);
        }
        // the last level's ids are the groups; a new id is a group seen for the first time at this row
        for (int i = 0; i < n; i++) {
            int g = prefix[i];
            if (g == groupCount) {
                int r = rows == null ? i : rows[i];
                for (int k = 0; k < keys.length; k++) {
                    keyValues[k].addFrom(keys[k], r);
                }
                groupCount++;
            }
            ids[i] = g;
        }
    }

    /** Largest product of the key columns' dictionary sizes the per-batch code table is used for. */
    private static final int MAX_CODES = 1 << 12;

    /**
     * The common low-cardinality case: every key column dictionary-encoded without NULLs (text flags read from
     * Parquet). A row's dictionary ids combine into one small code, and a per-batch table maps each code to its group,
     * so a row costs a few array loads; only a code's first row goes through the per-column ids (in row order, so
     * groups and ids are numbered exactly as {@link #assign} numbers them otherwise). False if not applicable.
     */
    private boolean assignDictionaryCodes(ColumnVector[] keys, int[] rows, int[] ids, int n) {
        int codes = 1;
        for (ColumnVector k : keys) {
            if (!(k instanceof StringVector s) || !s.isDictionaryEncoded() || k.nulls().hasNulls()) {
                return false;
            }
            codes *= Math.max(1, s.dictionary().length);
            if (codes > MAX_CODES) {
                return false;
            }
        }
        int[] groupOfCode = new int[codes];
        Arrays.fill(groupOfCode, -1);
        int[] first = ((StringVector) keys[0]).ids();
        int[] second = keys.length > 1 ? ((StringVector) keys[1]).ids() : null;
        int firstSize = ((StringVector) keys[0]).dictionary().length;
        for (int i = 0; i < n; i++) {
            int r = rows == null ? i : rows[i];
            int code = first[r];
            if (second != null) {
                code += firstSize * second[r];
                int scale = firstSize * ((StringVector) keys[1]).dictionary().length;
                for (int k = 2; k < keys.length; k++) {
                    StringVector v = (StringVector) keys[k];
                    code += scale * v.ids()[r];
                    scale *= v.dictionary().length;
                }
            }
            int g = groupOfCode[code];
            if (g < 0) {
                g = groupOfRow(keys, r);
                groupOfCode[code] = g;
            }
            ids[i] = g;
        }
        return true;
    }

    /** The group of row {@code r} through the per-column and pair ids, created if new. */
    private int groupOfRow(ColumnVector[] keys, int r) {
        int id = columnIds[0].dictionaryId((StringVector) keys[0], r);
        for (int k = 1; k < keys.length; k++) {
            id = prefixIds[k].idOf(id, columnIds[k].dictionaryId((StringVector) keys[k], r));
        }
        if (id == groupCount) {
            for (int k = 0; k < keys.length; k++) {
                keyValues[k].addFrom(keys[k], r);
            }
            groupCount++;
        }
        return id;
    }

    /** The key columns' values, one row per group. */
    ColumnVector[] keyVectors() {
        ColumnVector[] out = new ColumnVector[keyValues.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = keyValues[k].build();
        }
        return out;
    }

    /** Dense ids (in order of first appearance) for the distinct values of one key column. */
    private static final class ValueIds {
        /** Created at the first integer-like vector (sized for the expected values; text keys need none). */
        private LongIntMap integers;
        private final int expectedValues;
        private final Map<Object, Integer> others = new HashMap<>();
        private int nullId = -1;
        private int next;

        ValueIds(int expectedValues) {
            this.expectedValues = expectedValues;
        }

        /** The ids of rows {@code rows[0..n)} of {@code v} (null: rows 0..n) into {@code out[0..n)}. */
        void assign(ColumnVector v, int[] rows, int[] out, int n) {
            boolean nulls = v.nulls().hasNulls();
            if (v instanceof LongVector || v instanceof IntVector || v instanceof ShortVector) {
                long[] values = Vectors.longs(v);
                if (integers == null) {
                    integers = new LongIntMap(expectedValues);
                }
                for (int i = 0; i < n; i++) {
                    int r = rows == null ? i : rows[i];
                    if (nulls && v.isNull(r)) {
                        out[i] = nullId();
                    } else {
                        int id = integers.idOf(values[r], next);
                        if (id == next) {
                            next++;
                        }
                        out[i] = id;
                    }
                }
                return;
            }
            if (v instanceof StringVector strings && strings.isDictionaryEncoded()) {
                assignDictionary(strings, rows, out, n, nulls);
                return;
            }
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                if (nulls && v.isNull(r)) {
                    out[i] = nullId();
                    continue;
                }
                Integer id = others.putIfAbsent(ValueOrder.equalityKey(v.get(r)), next);
                out[i] = id == null ? next++ : id;
            }
        }

        /** Dictionary ids map to value ids through a per-batch array: one hash lookup per distinct string used. */
        private void assignDictionary(StringVector v, int[] rows, int[] out, int n, boolean nulls) {
            int[] dictionaryIds = v.ids();
            String[] dictionary = v.dictionary();
            int[] valueIds = new int[dictionary.length];
            Arrays.fill(valueIds, -1);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                if (nulls && v.isNull(r)) {
                    out[i] = nullId();
                    continue;
                }
                int d = dictionaryIds[r];
                int id = valueIds[d];
                if (id < 0) {
                    Integer known = others.putIfAbsent(ValueOrder.equalityKey(dictionary[d]), next);
                    id = known == null ? next++ : known;
                    valueIds[d] = id;
                }
                out[i] = id;
            }
        }

        /** The value id of row {@code r} of a dictionary-encoded vector (not NULL). */
        int dictionaryId(StringVector v, int r) {
            Integer known = others.putIfAbsent(ValueOrder.equalityKey(v.dictionary()[v.ids()[r]]), next);
            return known == null ? next++ : known;
        }

        private int nullId() {
            if (nullId < 0) {
                nullId = next++;
            }
            return nullId;
        }
    }

    /**
     * Dense ids for pairs (prefix id, value id), numbered in order of first appearance. While both ids are small
     * (low-cardinality keys: the common GROUP BY) a pair is found by indexing a table, one array load per row;
     * beyond that a hash map of the packed pair takes over.
     */
    static final class PairIds {
        private static final int DIRECT_LIMIT = 1 << 10; // at most 1024 x 1024 ints = 4 MiB
        /** table[prefix][value] = pair id + 1 (0: unseen); null once the ids outgrew it. */
        private int[][] table = new int[16][];
        private final LongIntMap hashed = new LongIntMap();
        private int next;

        void assign(int[] prefix, int[] value, int n) {
            if (table != null) {
                for (int r = 0; r < n; r++) {
                    int p = prefix[r];
                    int v = value[r];
                    if (p >= DIRECT_LIMIT || v >= DIRECT_LIMIT) {
                        switchToHash();
                        assignHashed(prefix, value, r, n);
                        return;
                    }
                    if (p >= table.length) {
                        table = Arrays.copyOf(table, Math.max(p + 1, table.length * 2));
                    }
                    int[] row = table[p];
                    if (row == null || v >= row.length) {
                        row = row == null ? new int[Math.max(16, v + 1)] : Arrays.copyOf(row, Math.max(v + 1, row.length * 2));
                        table[p] = row;
                    }
                    int id = row[v] - 1;
                    if (id < 0) {
                        id = next++;
                        row[v] = id + 1;
                    }
                    prefix[r] = id;
                }
                return;
            }
            assignHashed(prefix, value, 0, n);
        }

        /** The id of one pair, numbered like {@link #assign} numbers it. */
        int idOf(int p, int v) {
            int[] one = {p};
            assign(one, new int[] {v}, 1);
            return one[0];
        }

        private void assignHashed(int[] prefix, int[] value, int from, int n) {
            for (int r = from; r < n; r++) {
                int id = hashed.idOf(((long) prefix[r] << 32) | value[r], next);
                if (id == next) {
                    next++;
                }
                prefix[r] = id;
            }
        }

        private void switchToHash() {
            for (int p = 0; p < table.length; p++) {
                int[] row = table[p];
                if (row != null) {
                    for (int v = 0; v < row.length; v++) {
                        if (row[v] > 0) {
                            hashed.idOf(((long) p << 32) | v, row[v] - 1);
                        }
                    }
                }
            }
            table = null;
        }
    }

    /** Open-addressing map from long to dense int ids. */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap() {
            this(0);
        }

        /** A map that holds {@code expected} keys without growing. */
        LongIntMap(int expected) {
            int capacity = 1024;
            while (capacity / 2 < expected && capacity < 1 << 30) {
                capacity *= 2;
            }
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(values, -1);
        }

        /** The id of {@code key}, numbering new keys 0, 1, 2, ... */
        int idOf(long key) {
            int id = idOf(key, size);
            return id;
        }

        /** The id of {@code key}; a new key gets {@code newId}. */
        int idOf(long key, int newId) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (true) {
                int v = values[slot];
                if (v < 0) {
                    keys[slot] = key;
                    values[slot] = newId;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return newId;
                }
                if (keys[slot] == key) {
                    return v;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static long mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(values, -1);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] >= 0) {
                    int slot = (int) (mix(oldKeys[i]) & mask);
                    while (values[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
