package org.lakepg.server.access.heap;

import org.lakepg.server.access.page.Bytes;

/**
 * The header in front of every heap tuple's payload (PostgreSQL's HeapTupleHeaderData, with 64-bit xids and
 * separate cmin/cmax instead of combo command ids). Accessors take the page and the tuple's byte offset in it.
 * <pre>
 * [0,8) xmin  [8,16) xmax  [16,20) cmin  [20,24) cmax  [24,28) ctid block  [28,30) ctid offset
 * [30,32) infomask2  [32,34) infomask  [34,36) reserved  [36,..) payload
 * </pre>
 */
public final class TupleHeader {

    public static final int SIZE = 36;

    // infomask: hint bits (never logged, always true when set) and tuple state
    public static final int HAS_EXTERNAL = 0x0004;
    public static final int XMIN_COMMITTED = 0x0100;
    public static final int XMIN_INVALID = 0x0200;
    public static final int XMAX_COMMITTED = 0x0400;
    public static final int XMAX_INVALID = 0x0800;
    /**
     * xmax names a transaction that locked the version (PostgreSQL's HEAP_XMAX_LOCK_ONLY), not one that deleted it.
     * lakepg holds row locks in {@link org.lakepg.server.txn.RowLocks}; the header only shows the locker, so such a
     * version also has {@link #XMAX_INVALID} and every reader takes it as not deleted.
     */
    public static final int XMAX_LOCK_ONLY = 0x0080;
    public static final int UPDATED = 0x2000;
    // infomask2
    public static final int KEYS_UPDATED = 0x2000;
    public static final int HOT_UPDATED = 0x4000;
    public static final int HEAP_ONLY = 0x8000;

    private TupleHeader() {
    }

    public static long xmin(byte[] p, int t) {
        return Bytes.i64(p, t);
    }

    public static void xmin(byte[] p, int t, long v) {
        Bytes.i64(p, t, v);
    }

    public static long xmax(byte[] p, int t) {
        return Bytes.i64(p, t + 8);
    }

    public static void xmax(byte[] p, int t, long v) {
        Bytes.i64(p, t + 8, v);
    }

    public static int cmin(byte[] p, int t) {
        return Bytes.i32(p, t + 16);
    }

    public static void cmin(byte[] p, int t, int v) {
        Bytes.i32(p, t + 16, v);
    }

    public static int cmax(byte[] p, int t) {
        return Bytes.i32(p, t + 20);
    }

    public static void cmax(byte[] p, int t, int v) {
        Bytes.i32(p, t + 20, v);
    }

    public static Tid ctid(byte[] p, int t) {
        return new Tid(Bytes.i32(p, t + 24), Bytes.u16(p, t + 28));
    }

    public static void ctid(byte[] p, int t, Tid v) {
        Bytes.i32(p, t + 24, v.block());
        Bytes.u16(p, t + 28, v.offset());
    }

    public static int infomask2(byte[] p, int t) {
        return Bytes.u16(p, t + 30);
    }

    public static void infomask2(byte[] p, int t, int v) {
        Bytes.u16(p, t + 30, v);
    }

    public static int infomask(byte[] p, int t) {
        return Bytes.u16(p, t + 32);
    }

    public static void infomask(byte[] p, int t, int v) {
        Bytes.u16(p, t + 32, v);
    }

    public static boolean has(byte[] p, int t, int infomaskBit) {
        return (infomask(p, t) & infomaskBit) != 0;
    }

    public static boolean has2(byte[] p, int t, int infomask2Bit) {
        return (infomask2(p, t) & infomask2Bit) != 0;
    }

    /** Sets a hint bit. Hint bits are not logged: they only cache what the commit log says for good. */
    public static void hint(byte[] p, int t, int bit) {
        infomask(p, t, infomask(p, t) | bit);
    }

    public static void write(byte[] tuple, long xmin, int cmin, Tid self, int infomask, int infomask2) {
        Bytes.i64(tuple, 0, xmin);
        Bytes.i64(tuple, 8, 0);
        Bytes.i32(tuple, 16, cmin);
        Bytes.i32(tuple, 20, 0);
        Bytes.i32(tuple, 24, self.block());
        Bytes.u16(tuple, 28, self.offset());
        Bytes.u16(tuple, 30, infomask2);
        Bytes.u16(tuple, 32, infomask | XMAX_INVALID);
    }
}
