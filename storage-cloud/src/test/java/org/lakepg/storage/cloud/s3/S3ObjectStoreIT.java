package org.lakepg.storage.cloud.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.contract.AbstractObjectStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object-store contract and retries, against a real S3Proxy on a loopback port. */
class S3ObjectStoreIT extends AbstractObjectStoreContractTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path dir;

    private static S3ProxyServer server;
    private final List<S3ObjectStore> opened = new ArrayList<>();

    @BeforeAll
    static void startS3() {
        server = S3ProxyServer.start(0, dir.resolve("s3"));
    }

    @AfterAll
    static void stopS3() {
        server.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3ObjectStore::close);
    }

    @Override
    protected ObjectStore emptyStore() {
        S3ObjectStore store = new S3ObjectStore(server.settings("bucket-" + BUCKETS.incrementAndGet()));
        opened.add(store);
        return store;
    }

    @Test
    void largeObjectsAndManyKeysRoundTrip() {
        ObjectStore store = emptyStore();
        byte[] big = new byte[3 << 20];
        new java.util.Random(1).nextBytes(big);
        store.put("layers/big", big);
        assertThat(store.get("layers/big")).hasValueSatisfying(v -> assertThat(v).isEqualTo(big));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1100; i++) { // more than one page of ListObjectsV2 (1000 keys)
            String key = String.format("many/k%05d", i);
            expected.add(key);
            store.put(key, new byte[] {(byte) i});
        }
        assertThat(store.list("many/")).containsExactlyElementsOf(expected);
    }

    @Test
    void aStoppedServerIsRetriedUntilItIsBack() throws Exception {
        Path s3dir = dir.resolve("restartable");
        S3ProxyServer first = S3ProxyServer.start(0, s3dir);
        int port = first.port();
        S3ObjectStore store = new S3ObjectStore(first.settings("retried").withCallTimeout(Duration.ofSeconds(2)));
        opened.add(store);
        store.put("before", "1".getBytes(StandardCharsets.UTF_8));
        first.close();
        S3ProxyServer[] second = new S3ProxyServer[1];
        Thread restarter = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            second[0] = S3ProxyServer.start(port, s3dir);
        });
        long retriesBefore = store.retries();
        store.put("during", "2".getBytes(StandardCharsets.UTF_8)); // blocks, retrying, until the server is back
        restarter.join();
        try {
            assertThat(store.retries()).isGreaterThan(retriesBefore);
            assertThat(store.get("before")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("1"));
            assertThat(store.get("during")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("2"));
        } finally {
            second[0].close();
        }
    }

    @Test
    void anOutageLongerThanTheRetryWindowFailsClearly() {
        S3ProxyServer gone = S3ProxyServer.start(0, dir.resolve("gone"));
        S3ObjectStore store = new S3ObjectStore(gone.settings("gone").withRetryWindow(Duration.ofMillis(600)));
        opened.add(store);
        gone.close();
        assertThatThrownBy(() -> store.get("x"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("S3 get \"x\" failed after")
                .extracting(e -> ((StorageException) e).reason()).isEqualTo(StorageException.Reason.IO);
    }
}
