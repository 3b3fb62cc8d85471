package org.lakepg.server.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Starts and stops the compute that serves an endpoint (a database or branch) behind the proxy. */
public interface ComputeLauncher {

    /**
     * Ends the endpoint of a connection that asks for a read replica ({@code -c lakepg.replica=on}): with a compute
     * per endpoint, a replica endpoint gets a compute of its own started with {@code --replica}, which follows the
     * primary's timeline without taking it (so it never fences the primary).
     */
    String REPLICA_SUFFIX = "#replica";

    /** A started compute: where it accepts connections, and how to stop it. */
    interface RunningCompute {
        InetSocketAddress address();

        /** Stops the compute and waits until it is gone; everything it acknowledged is in storage. */
        void stop();

        boolean isAlive();
    }

    /** Starts a compute for {@code endpoint} and returns once it accepts connections. */
    RunningCompute start(String endpoint) throws IOException;

    /**
     * Which endpoints share one compute. With embedded storage one compute process serves every database (only one
     * process can open the data directory); with cloud storage each endpoint may get its own.
     */
    default String computeFor(String endpoint) {
        return endpoint;
    }

    /** Stops what the launcher keeps ready (a standby compute). */
    default void close() {
    }
}
