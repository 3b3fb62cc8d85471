package org.lakepg.storage;

/** Page geometry shared by compute and storage. */
public final class Page {

    /** Bytes in a page, as PostgreSQL's default BLCKSZ. */
    public static final int SIZE = 8192;

    private Page() {
    }

    /** A fresh all-zero page: what a block that was never written (or lies beyond the relation's end) reads as. */
    public static byte[] zero() {
        return new byte[SIZE];
    }

    /** True if every byte is zero — PostgreSQL's {@code PageIsNew} condition for an uninitialized page. */
    public static boolean isZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
