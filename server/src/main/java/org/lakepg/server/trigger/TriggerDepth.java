package org.lakepg.server.trigger;

/** How deeply trigger functions are nested on the running statement's thread (pg_trigger_depth()). */
public final class TriggerDepth {
    private TriggerDepth() {}

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    public static int current() {
        return DEPTH.get()[0];
    }

    static void enter() {
        DEPTH.get()[0]++;
    }

    static void leave() {
        DEPTH.get()[0]--;
    }
}
