package org.lakepg.storage.cloud.safekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A safekeeper whose port is still held does not take the JVM down (Ratis' System.exit) but waits for the port. */
class SafekeeperPortIT {

    @TempDir
    Path dir;

    @Test
    void startWaitsForAPortThatIsStillHeldInsteadOfExitingTheJvm() throws Exception {
        ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = holder.getLocalPort();
        SafekeeperConfig config = new SafekeeperConfig(1, port, dir.resolve("sk1"),
                List.of(new SafekeeperAddress(1, "127.0.0.1", port)), SafekeeperConfig.DEFAULT_SNAPSHOT_EVERY_ENTRIES,
                SafekeeperConfig.DEFAULT_WAL_SEGMENT_SIZE, SafekeeperConfig.DEFAULT_RAFT_SEGMENT_SIZE);
        CompletableFuture<SafekeeperServer> started = CompletableFuture.supplyAsync(() -> SafekeeperServer.start(config));
        Thread.sleep(1500);
        assertThat(started).as("the port is held: the start keeps waiting").isNotDone();
        holder.close();
        try (SafekeeperServer server = started.get(30, TimeUnit.SECONDS)) {
            assertThat(server.config().port()).isEqualTo(port);
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(false);
                assertThat(tryBind(again, port)).as("the safekeeper now listens on the port").isFalse();
            }
        }
    }

    private static boolean tryBind(ServerSocket socket, int port) {
        try {
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
