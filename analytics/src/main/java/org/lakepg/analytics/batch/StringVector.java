package org.lakepg.analytics.batch;

/**
 * A vector of text, varchar and bpchar values, held as Strings or <em>dictionary-encoded</em>: an id per row into a
 * small array of distinct strings, as Parquet's dictionary pages store them. Grouping then works on the ids (one hash
 * lookup per distinct string and batch instead of per row).
 */
public final class StringVector extends ColumnVector {

    /** The strings, or null while only the dictionary form exists (then made on first {@link #values()}). */
    private String[] values;
    private final int[] ids;
    private final String[] dictionary;

    public StringVector(PgType type, String[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
        this.ids = null;
        this.dictionary = null;
    }

    private StringVector(PgType type, int[] ids, String[] dictionary, int size, NullMask nulls) {
        super(type, size, nulls);
        if (ids.length < size) {
            throw new IllegalArgumentException("ids array shorter than the vector");
        }
        this.ids = ids;
        this.dictionary = dictionary;
    }

    /** Row i is {@code dictionary[ids[i]]} (ids at NULL positions must still index the dictionary, e.g. 0). */
    public static StringVector dictionaryEncoded(PgType type, int[] ids, String[] dictionary, int size, NullMask nulls) {
        return new StringVector(type, ids, dictionary, size, nulls);
    }

    public boolean isDictionaryEncoded() {
        return ids != null;
    }

    /** The dictionary ids of a dictionary-encoded vector (read-only by convention). */
    public int[] ids() {
        if (ids == null) {
            throw new IllegalStateException("text vector is not dictionary-encoded");
        }
        return ids;
    }

    /** The distinct strings of a dictionary-encoded vector (read-only by convention). */
    public String[] dictionary() {
        if (ids == null) {
            throw new IllegalStateException("text vector is not dictionary-encoded");
        }
        return dictionary;
    }

    /** The strings (read-only by convention; may be longer than {@link #size()}). */
    public String[] values() {
        String[] strings = values;
        if (strings == null) {
            strings = new String[size()];
            for (int i = 0; i < strings.length; i++) {
                if (!isNull(i)) {
                    strings[i] = dictionary[ids[i]];
                }
            }
            values = strings;
        }
        return strings;
    }

    public String at(int index) {
        String[] strings = values;
        return strings != null ? strings[index] : dictionary[ids[index]];
    }

    @Override
    Object valueAt(int index) {
        return at(index);
    }

    @Override
    public StringVector gather(int[] positions, int count) {
        NullMask gatheredNulls = nulls().gather(positions, count);
        if (ids != null) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                int p = positions[i];
                if (p >= 0) {
                    out[i] = ids[p];
                }
            }
            return new StringVector(type(), out, dictionary, count, gatheredNulls);
        }
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new StringVector(type(), out, count, gatheredNulls);
    }
}
