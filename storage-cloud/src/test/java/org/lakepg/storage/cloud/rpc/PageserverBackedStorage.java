package org.lakepg.storage.cloud.rpc;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageService;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.lakepg.storage.cloud.pageserver.PageserverConfig;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.local.LocalStorage;

/**
 * A whole store as the compute would see the cloud one, for the shared contract test: WAL in a local store (standing
 * in for the safekeepers), pages and timelines from a pageserver over RPC, objects in S3Proxy. Timelines are created
 * on the WAL side first and then attached to the pageserver with the same identity.
 */
final class PageserverBackedStorage implements Storage {

    private final S3ProxyServer s3;
    private final S3ObjectStore remote;
    private final LocalStorage source;
    private final Pageserver pageserver;
    private final PageserverRpcServer rpc;
    private final PageserverClient client;
    private final TimelineService timelines = new Timelines();

    PageserverBackedStorage(Path dir) {
        s3 = S3ProxyServer.start(0, dir.resolve("s3"));
        remote = new S3ObjectStore(s3.settings("contract"));
        source = LocalStorage.open(new StorageConfig(dir.resolve("wal"), Map.of("background", "false")));
        pageserver = Pageserver.start(PageserverConfig.of(dir.resolve("ps"))
                .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(1))
                .withWaitTimeout(Duration.ofSeconds(10)), source.wal(), remote);
        rpc = PageserverRpcServer.start(pageserver, "127.0.0.1", 0);
        client = new PageserverClient("127.0.0.1", rpc.port(), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Override
    public WalService wal() {
        return source.wal();
    }

    @Override
    public PageService pages() {
        return client;
    }

    @Override
    public TimelineService timelines() {
        return timelines;
    }

    @Override
    public ObjectStore objects() {
        return remote;
    }

    @Override
    public void close() {
        client.close();
        rpc.close();
        pageserver.close();
        source.close();
        remote.close();
        s3.close();
    }

    private final class Timelines implements TimelineService {
        @Override
        public Timeline createTimeline(String name) {
            return client.attach(source.timelines().createTimeline(name));
        }

        @Override
        public Timeline branch(TimelineId parent, Lsn at, String name) {
            return client.attach(source.timelines().branch(parent, at, name));
        }

        @Override
        public Optional<Timeline> get(TimelineId id) {
            return client.get(id);
        }

        @Override
        public Optional<Timeline> byName(String name) {
            return client.byName(name);
        }

        @Override
        public List<Timeline> list() {
            return client.list();
        }

        @Override
        public void delete(TimelineId id) {
            client.delete(id);
            source.timelines().delete(id);
        }

        @Override
        public void setRetention(Duration retention) {
            client.setRetention(retention);
            source.timelines().setRetention(retention);
        }

        @Override
        public Duration retention() {
            return client.retention();
        }

        @Override
        public Lsn lsnAt(TimelineId timeline, Instant time) {
            return client.lsnAt(timeline, time);
        }
    }
}
