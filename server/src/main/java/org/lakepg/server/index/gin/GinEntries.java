package org.lakepg.server.index.gin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.index.IndexExpressions;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The keys a row is filed under in a GIN index, which lakepg keeps as a B-tree of (key, tid) — GIN's entry tree
 * with one posting per entry. A key column's keys start with its position + 1, then {@link #ENTRY} and the opclass's
 * entry bytes, or {@link #EMPTY} for a value without entries and {@link #NULL} for NULL (GIN's empty and null
 * items): every row has at least one key of every column, so a full scan of a column's keys finds every row.
 */
public final class GinEntries {
    private GinEntries() {}


    private static final byte EMPTY = 0;
    private static final byte NULL = 1;
    private static final byte ENTRY = 2;

    private static final BuiltinAnalyzerCatalog TYPES = new BuiltinAnalyzerCatalog();

    /** The distinct keys of a row, in key order. */
    public static List<byte[]> of(IndexInfo index, TableInfo table, Object[] row) {
        Object[] values = IndexExpressions.keyValues(index, table, row);
        long[] types = IndexExpressions.keyTypes(index, table);
        TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
        for (int position = 0; position < values.length; position++) {
            if (values[position] == null) {
                keys.add(new byte[] {(byte) (position + 1), NULL});
                continue;
            }
            List<byte[]> entries = opclass(index, position, types[position]).entries(values[position]);
            if (entries.isEmpty()) {
                keys.add(new byte[] {(byte) (position + 1), EMPTY});
            }
            for (byte[] entry : entries) {
                keys.add(key(position, entry));
            }
        }
        return new ArrayList<>(keys);
    }

    /** The first key of the key column at {@code position} (all its keys lie below {@link #columnEnd}). */
    public static byte[] columnStart(int position) {
        return new byte[] {(byte) (position + 1)};
    }

    /** The first key after the keys of the key column at {@code position}. */
    public static byte[] columnEnd(int position) {
        return new byte[] {(byte) (position + 2)};
    }

    /** The key of the rows whose value of the key column at {@code position} has no entries. */
    public static byte[] emptyKey(int position) {
        return new byte[] {(byte) (position + 1), EMPTY};
    }

    /** The key of an opclass entry of the key column at {@code position}. */
    public static byte[] key(int position, byte[] entry) {
        byte[] out = new byte[entry.length + 2];
        out[0] = (byte) (position + 1);
        out[1] = ENTRY;
        System.arraycopy(entry, 0, out, 2, entry.length);
        return out;
    }

    /** The operator class of the key column at {@code position} of a GIN index, whose key type is {@code type}. */
    public static GinOpclass opclass(IndexInfo index, int position, long type) {
        if ((index.option(position) & IndexInfo.JSONB_PATH_OPS) != 0) {
            return GinOpclass.JSONB_PATH_OPS;
        }
        return GinOpclass.of(null, type, isArray(type));
    }

    /** Whether a type is an array type (array_ops indexes any). */
    public static boolean isArray(long type) {
        return TYPES.type(type).map(TypeEntry::isArray).orElse(false);
    }
}
