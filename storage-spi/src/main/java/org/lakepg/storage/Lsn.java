package org.lakepg.storage;

/**
 * A position in a timeline's write-ahead log, in bytes; printed the PostgreSQL way ({@code 0/16B3748}).
 *
 * <p>A record's LSN is its <em>end</em> position, as in PostgreSQL: reading a page "at LSN L" sees every
 * record whose LSN is {@code <= L}. {@link #INVALID} (0/0) is the position before the first record.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    public static final Lsn INVALID = new Lsn(0);
    /** Larger than any real position; useful as "everything" for {@code flush} and reads of the latest state. */
    public static final Lsn MAX = new Lsn(Long.MAX_VALUE);

    public Lsn {
        if (value < 0) {
            throw new IllegalArgumentException("LSN must not be negative: " + value);
        }
    }

    public static Lsn of(long value) {
        return value == 0 ? INVALID : new Lsn(value);
    }

    /** Parses PostgreSQL's text form {@code hi/lo} (both hexadecimal, 32 bits each). */
    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || slash > 8 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("invalid input syntax for type pg_lsn: \"" + text + "\"");
        }
        for (int i = 0; i < text.length(); i++) {
            if (i != slash && Character.digit(text.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("invalid input syntax for type pg_lsn: \"" + text + "\"");
            }
        }
        long hi = Long.parseLong(text, 0, slash, 16);
        long lo = Long.parseLong(text, slash + 1, text.length(), 16);
        long value = (hi << 32) | lo;
        if (value < 0) {
            throw new IllegalArgumentException("LSN out of range (lakepg uses 63 bits): \"" + text + "\"");
        }
        return of(value);
    }

    public boolean isValid() {
        return value != 0;
    }

    public Lsn plus(long bytes) {
        return of(Math.addExact(value, bytes));
    }

    public boolean isAfter(Lsn other) {
        return value > other.value;
    }

    public boolean isBefore(Lsn other) {
        return value < other.value;
    }

    public static Lsn max(Lsn a, Lsn b) {
        return a.value >= b.value ? a : b;
    }

    public static Lsn min(Lsn a, Lsn b) {
        return a.value <= b.value ? a : b;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
