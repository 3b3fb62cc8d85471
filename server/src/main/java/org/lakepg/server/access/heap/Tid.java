package org.lakepg.server.access.heap;

/** A tuple id: block number and 1-based line pointer offset, PostgreSQL's ItemPointer (ctid). */
public record Tid(int block, int offset) implements Comparable<Tid> {

    public Tid {
        if (block < 0 || offset < 1 || offset > 0xFFFF) {
            throw new IllegalArgumentException("invalid tuple id (" + block + "," + offset + ")");
        }
    }

    /** Block in the high bits, offset in the low 16: orders like the tid itself. */
    public long pack() {
        return ((long) block << 16) | offset;
    }

    public static Tid unpack(long packed) {
        return new Tid((int) (packed >>> 16), (int) (packed & 0xFFFF));
    }

    @Override
    public int compareTo(Tid other) {
        return Long.compare(pack(), other.pack());
    }

    @Override
    public String toString() {
        return "(" + block + "," + offset + ")";
    }
}
