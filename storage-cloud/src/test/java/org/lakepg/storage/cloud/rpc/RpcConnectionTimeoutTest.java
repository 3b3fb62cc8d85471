package org.lakepg.storage.cloud.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.lakepg.storage.StorageException;

/** A request the other end never answers fails with a timeout (the connection's sweep, not a timer per request). */
class RpcConnectionTimeoutTest {

    @Test
    void unansweredRequestTimesOutAndTheConnectionStaysUsable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // reads everything, answers nothing
                } catch (java.io.IOException ignored) {
                    // closed at the end of the test
                }
            });
            try (RpcConnection connection = new RpcConnection("silent service", "127.0.0.1", silent.getLocalPort(),
                    Duration.ofSeconds(5), Duration.ofMillis(300))) {
                CompletableFuture<Integer> first = connection.call(1, out -> out.writeInt(7), in -> in.readInt());
                assertThatThrownBy(() -> connection.await(first, "PING"))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("silent service")
                        .hasMessageContaining("did not answer PING within 300 ms");
                CompletableFuture<Integer> second = connection.call(1, out -> out.writeInt(8), in -> in.readInt());
                assertThatThrownBy(() -> connection.await(second, "PING")).isInstanceOf(StorageException.class);
                assertThat(first).isCompletedExceptionally();
            }
            silent.close();
            reader.join();
        }
    }
}
