package org.lakepg.storage.cloud.compute;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.lakepg.storage.cloud.pageserver.PageserverConfig;
import org.lakepg.storage.cloud.rpc.PageserverRpcServer;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;
import org.lakepg.storage.cloud.wal.SafekeeperWalSource;
import org.lakepg.storage.local.FileUtil;

/**
 * Test fixture: the whole cloud store in this JVM on loopback — S3Proxy, three real safekeepers, a pageserver
 * ingesting from them over Ratis and serving RPC — and computes' {@link CloudStorage}s opened against it.
 */
final class CloudStack implements AutoCloseable {

    final Path dir;
    final S3ProxyServer s3;
    final SafekeeperQuorum safekeepers;
    private S3ObjectStore remote;
    private SafekeeperWalSource source;
    Pageserver pageserver;
    private PageserverRpcServer rpc;
    private int rpcPort;

    CloudStack(Path dir) {
        this(dir, org.lakepg.storage.cloud.safekeeper.SafekeeperConfig.DEFAULT_WAL_SEGMENT_SIZE);
    }

    /** With the safekeepers' WAL in segments of {@code walSegmentSize} bytes (small ones let tests see trimming). */
    CloudStack(Path dir, long walSegmentSize) {
        this.dir = dir;
        s3 = S3ProxyServer.start(0, dir.resolve("s3"));
        safekeepers = SafekeeperQuorum.start(dir.resolve("safekeepers"), 3,
                org.lakepg.storage.cloud.safekeeper.SafekeeperConfig.DEFAULT_SNAPSHOT_EVERY_ENTRIES, walSegmentSize);
        startPageserver();
    }

    void startPageserver() {
        remote = new S3ObjectStore(s3.settings("pageserver"));
        source = SafekeeperWalSource.connect(safekeepers.addresses());
        pageserver = Pageserver.start(PageserverConfig.of(dir.resolve("ps"))
                .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(1))
                .withWaitTimeout(Duration.ofSeconds(20)), source, remote);
        rpc = PageserverRpcServer.start(pageserver, "127.0.0.1", rpcPort);
        rpcPort = rpc.port();
    }

    /** Stops the pageserver as a crash would (no final upload); {@code wipe} also deletes its disk. */
    void stopPageserver(boolean wipe) throws IOException {
        rpc.close();
        pageserver.close();
        source.close();
        remote.close();
        if (wipe) {
            FileUtil.deleteRecursively(dir.resolve("ps"));
        }
    }

    Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put(CloudStorageOptions.SAFEKEEPERS, safekeepers.addresses().stream().map(Object::toString)
                .collect(Collectors.joining(",")));
        options.put(CloudStorageOptions.PAGESERVER, "127.0.0.1:" + rpcPort);
        return options;
    }

    /** A compute's store with the given (possibly empty, possibly fresh) data directory. */
    CloudStorage openCompute(Path dataDir) {
        return CloudStorage.open(new StorageConfig(dataDir, options()));
    }

    @Override
    public void close() throws IOException {
        stopPageserver(false);
        safekeepers.close();
        s3.close();
    }
}
