package org.lakepg.server.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JIT compilers are still busy, from the compile time the JVM accrues: a warm-up that ends on a clock
 * ends too early on a loaded machine, where the same budget runs a fraction of the statements and leaves half of the
 * hot paths to be compiled during the first clients' transactions (measured: 626 statements instead of thousands,
 * 635 first C2 compilations after the compute opened; docs/cluster.md "Session 26").
 */
final class JitSettling {
    /** Compile time under this share of the wall time since the last look counts as settled. */
    private static final double SETTLED_SHARE = 0.10;
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long compileMillis;
    private long nanos;

    JitSettling() {
        look();
    }

    /** Whether compilation took less than a tenth of the wall time since the previous call (or construction). */
    boolean settledSinceLastLook() {
        long beforeCompile = compileMillis;
        long beforeNanos = nanos;
        look();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return true; // nothing to wait for that we could see
        }
        double wallMillis = (nanos - beforeNanos) / 1e6;
        return wallMillis > 0 && (compileMillis - beforeCompile) < SETTLED_SHARE * wallMillis;
    }

    private void look() {
        nanos = System.nanoTime();
        if (compiler != null && compiler.isCompilationTimeMonitoringSupported()) {
            compileMillis = compiler.getTotalCompilationTime();
        }
    }
}
