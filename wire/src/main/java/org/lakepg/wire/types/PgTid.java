package org.lakepg.wire.types;

/** A tuple id (ctid): block number (unsigned 32-bit) and line pointer offset (unsigned 16-bit). */
public record PgTid(long block, int offset) {

    public PgTid {
        if (block < 0 || block > 0xFFFFFFFFL || offset < 0 || offset > 0xFFFF) {
            throw new IllegalArgumentException("tid out of range: (" + block + "," + offset + ")");
        }
    }

    @Override
    public String toString() {
        return "(" + block + "," + offset + ")";
    }
}
