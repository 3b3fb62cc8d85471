package org.lakepg.server.access.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian reads and writes of fixed-size integers inside page byte arrays. */
public final class Bytes {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int u16(byte[] b, int at) {
        return Short.toUnsignedInt((short) SHORT.get(b, at));
    }

    public static void u16(byte[] b, int at, int v) {
        SHORT.set(b, at, (short) v);
    }

    public static int i32(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    public static void i32(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }

    public static long i64(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    public static void i64(byte[] b, int at, long v) {
        LONG.set(b, at, v);
    }
}
