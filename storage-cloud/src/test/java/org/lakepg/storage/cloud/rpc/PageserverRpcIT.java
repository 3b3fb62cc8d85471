package org.lakepg.storage.cloud.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.lakepg.storage.cloud.pageserver.PageserverConfig;
import org.lakepg.storage.cloud.pageserver.RandomWalAccess;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.LocalStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pageserver as the compute sees it: a real S3Proxy, a real local WAL as the source, a real Netty server and
 * client on loopback. Every answer is compared with what the source store itself says at the same LSN.
 */
class PageserverRpcIT {

    @TempDir
    Path dir;

    private S3ProxyServer s3;
    private S3ObjectStore remote;
    private LocalStorage source;
    private Pageserver pageserver;
    private PageserverRpcServer rpc;
    private PageserverClient client;
    private final long seed = Long.getLong("lakepg.seed", System.nanoTime());

    @BeforeEach
    void start() {
        s3 = S3ProxyServer.start(0, dir.resolve("s3"));
        remote = new S3ObjectStore(s3.settings("pages").withCallTimeout(Duration.ofSeconds(2)));
        source = LocalStorage.open(new StorageConfig(dir.resolve("source"), Map.of("background", "false")));
        startPageserver(0);
        client = new PageserverClient("127.0.0.1", rpc.port(), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private void startPageserver(int port) {
        pageserver = Pageserver.start(PageserverConfig.of(dir.resolve("ps"))
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withStoreOptions(Map.of("background", "false")), source.wal(), remote);
        rpc = PageserverRpcServer.start(pageserver, "127.0.0.1", port);
    }

    private void stopPageserver() {
        rpc.close();
        pageserver.close();
    }

    @AfterEach
    void stop() {
        client.close();
        stopPageserver();
        source.close();
        remote.close();
        s3.close();
    }

    private void assertServedLikeSource(Timeline t, List<Lsn> lsns) {
        Random random = new Random(seed);
        List<PageKey> keys = RandomWalAccess.allKeys();
        for (Lsn lsn : lsns) {
            List<byte[]> batch = client.getPages(t.id(), keys, lsn);
            for (int i = 0; i < keys.size(); i++) {
                byte[] expected = source.pages().getPage(t.id(), keys.get(i), lsn);
                assertThat(batch.get(i)).as("seed %d: %s at %s (batch)", seed, keys.get(i), lsn).isEqualTo(expected);
                if (random.nextInt(4) == 0) {
                    assertThat(client.getPage(t.id(), keys.get(i), lsn)).as("seed %d: %s at %s", seed, keys.get(i), lsn)
                            .isEqualTo(expected);
                }
            }
            for (int r = 0; r < RandomWalAccess.RELATIONS; r++) {
                int relation = 100 + r;
                assertThat(client.relationSize(t.id(), relation, ForkNumber.MAIN, lsn))
                        .isEqualTo(source.pages().relationSize(t.id(), relation, ForkNumber.MAIN, lsn));
                assertThat(client.relationExists(t.id(), relation, ForkNumber.MAIN, lsn))
                        .isEqualTo(source.pages().relationExists(t.id(), relation, ForkNumber.MAIN, lsn));
                assertThat(client.changedPages(t.id(), relation, ForkNumber.MAIN, lsns.get(0), lsn))
                        .isEqualTo(source.pages().changedPages(t.id(), relation, ForkNumber.MAIN, lsns.get(0), lsn));
            }
        }
    }

    private List<Lsn> pick(List<Lsn> all, int n) {
        Random random = new Random(seed + 1);
        List<Lsn> picked = new ArrayList<>();
        picked.add(all.get(0));
        for (int i = 0; i < n; i++) {
            picked.add(all.get(random.nextInt(all.size())));
        }
        picked.add(all.get(all.size() - 1));
        picked.sort(null);
        return picked;
    }

    @Test
    void servesEveryLsnLikeTheSourceAndSurvivesLosingItsDisk() {
        Timeline t = source.timelines().createTimeline("main");
        client.createTimeline(t.id(), t.name());
        List<Lsn> lsns = new ArrayList<>(RandomWalAccess.append(seed, source.wal(), t.id(), 400));
        assertServedLikeSource(t, pick(lsns, 4));

        pageserver.checkpointAndUpload();
        Lsn uploaded = client.status(t.id()).remoteConsistentLsn();
        assertThat(uploaded).isEqualTo(lsns.get(lsns.size() - 1));
        assertThat(remote.list("pageserver/timelines/" + t.id() + "/layers/")).isNotEmpty();
        lsns.addAll(RandomWalAccess.append(seed + 2, source.wal(), t.id(), 300));
        Lsn end = lsns.get(lsns.size() - 1);
        assertThat(client.waitForLsn(t.id(), end, Duration.ofSeconds(20))).isEqualTo(end);

        // the pageserver dies and loses its disk; a new one (same port, same client) rebuilds from S3 + the WAL
        int port = rpc.port();
        stopPageserver();
        assertThatThrownBy(() -> client.getPage(t.id(), PageKey.main(100, 0), end))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("pageserver at 127.0.0.1:" + port)
                .extracting(e -> ((StorageException) e).reason()).isEqualTo(StorageException.Reason.IO);
        deleteDisk();
        startPageserver(port);
        assertThat(pageserver.generation()).isEqualTo(2);
        assertThat(client.list()).extracting(Timeline::id).containsExactly(t.id());
        assertServedLikeSource(t, pick(lsns, 4));
        assertThat(client.status(t.id()).ingestedLsn()).isEqualTo(end);
    }

    private void deleteDisk() {
        try {
            FileUtil.deleteRecursively(dir.resolve("ps"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void branchesAreServedThroughRpcAndRebuiltFromS3() {
        Timeline main = source.timelines().createTimeline("main");
        client.createTimeline(main.id(), main.name());
        List<Lsn> before = RandomWalAccess.append(seed, source.wal(), main.id(), 150);
        Lsn point = before.get(99);
        Timeline branch = source.timelines().branch(main.id(), point, "branch");
        Timeline served = client.branch(main.id(), point, branch.id(), branch.name());
        assertThat(served.parent()).isEqualTo(main.id());
        assertThat(served.branchLsn()).isEqualTo(point);
        List<Lsn> onBranch = RandomWalAccess.append(seed + 3, source.wal(), branch.id(), 120);
        List<Lsn> onMain = RandomWalAccess.append(seed + 4, source.wal(), main.id(), 80);
        List<Lsn> branchLsns = new ArrayList<>(List.of(before.get(10), point));
        branchLsns.addAll(pick(onBranch, 2));
        assertServedLikeSource(branch, branchLsns);
        assertServedLikeSource(main, pick(onMain, 2));

        // "latest": the pageserver takes the source's insert LSN as the branch point
        Timeline latestOnSource = source.timelines().branch(main.id(), null, "latest");
        Timeline latest = client.branch(main.id(), null, latestOnSource.id(), "latest");
        assertThat(latest.branchLsn()).isEqualTo(latestOnSource.branchLsn());
        assertThat(client.list()).extracting(Timeline::name).containsExactlyInAnyOrder("main", "branch", "latest");
        assertThatThrownBy(() -> client.delete(main.id())).hasMessageContaining("has branches");

        pageserver.checkpointAndUpload();
        stopPageserver();
        deleteDisk();
        startPageserver(0);
        try (PageserverClient fresh = new PageserverClient("127.0.0.1", rpc.port(), Duration.ofSeconds(2), Duration.ofSeconds(30))) {
            assertThat(fresh.list()).extracting(Timeline::name).containsExactlyInAnyOrder("main", "branch", "latest");
            PageserverClient old = client;
            client = fresh;
            try {
                assertServedLikeSource(branch, branchLsns);
                client.delete(latest.id());
                assertThat(client.list()).extracting(Timeline::name).containsExactlyInAnyOrder("main", "branch");
                assertThat(remote.list("pageserver/timelines/" + latest.id() + "/")).isEmpty();
            } finally {
                client = old;
            }
        }
    }

    @Test
    void readsWaitForWalButNotBeyondNotModifiedSince() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        client.createTimeline(t.id(), t.name());
        PageKey key = PageKey.main(7, 0);
        Lsn first = source.wal().append(t.id(), WalRecord.of(PagePatch.of(key, 0, new byte[] {1})));
        client.waitForLsn(t.id(), first, Duration.ofSeconds(10));
        byte[] record = org.lakepg.storage.WalRecordCodec.encode(WalRecord.of(PagePatch.of(key, 0, new byte[] {2})));
        Lsn second = org.lakepg.storage.WalRecordCodec.lsnAfter(first, record);

        // the caller knows the page did not change after `first`: answered now, from what is ingested
        assertThat(client.getPage(t.id(), key, second, first)[0]).isEqualTo((byte) 1);
        // without that knowledge the read waits for the WAL at `second`, which arrives a moment later
        CompletableFuture<byte[]> waiting = client.getPageAsync(t.id(), key, second, second);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        assertThat(source.wal().append(t.id(), WalRecord.of(PagePatch.of(key, 0, new byte[] {2})))).isEqualTo(second);
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)[0]).isEqualTo((byte) 2);
        assertThat(client.getPage(t.id(), PageKey.main(8, 3), second)).isEqualTo(Page.zero());
        assertThatThrownBy(() -> client.getPage(org.lakepg.storage.TimelineId.random(), key, second))
                .isInstanceOf(StorageException.class).hasMessageContaining("does not exist")
                .extracting(e -> ((StorageException) e).reason()).isEqualTo(StorageException.Reason.NOT_FOUND);
    }

    @Test
    void uploadsRideOutAnS3Outage() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        client.createTimeline(t.id(), t.name());
        List<Lsn> lsns = RandomWalAccess.append(seed, source.wal(), t.id(), 200);
        client.waitForLsn(t.id(), lsns.get(lsns.size() - 1), Duration.ofSeconds(10));
        int port = s3.port();
        s3.close();
        CompletableFuture<Void> upload = CompletableFuture.runAsync(pageserver::checkpointAndUpload);
        Thread.sleep(1500);
        assertThat(upload).isNotDone(); // retrying against the stopped server
        // reads never need S3: the local disk serves them meanwhile
        assertServedLikeSource(t, pick(lsns, 1));
        s3 = S3ProxyServer.start(port, dir.resolve("s3"));
        upload.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(client.status(t.id()).remoteConsistentLsn()).isEqualTo(lsns.get(lsns.size() - 1));
        assertThat(remote.retries()).isPositive();
    }

    @Test
    void manyThreadsPipelineOnOneConnectionWhileWalArrives() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        client.createTimeline(t.id(), t.name());
        List<Lsn> lsns = java.util.Collections.synchronizedList(new ArrayList<>(RandomWalAccess.append(seed, source.wal(), t.id(), 100)));
        List<PageKey> keys = RandomWalAccess.allKeys();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 20; round++) {
                lsns.addAll(RandomWalAccess.append(seed + 10 + round, source.wal(), t.id(), 20));
            }
            writing.set(false);
        });
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int r = 0; r < 8; r++) {
                Random random = new Random(seed + r);
                readers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 150 || writing.get(); i++) {
                        Lsn lsn;
                        synchronized (lsns) {
                            lsn = lsns.get(random.nextInt(lsns.size()));
                        }
                        PageKey key = keys.get(random.nextInt(keys.size()));
                        // several requests in flight per thread, answered out of order
                        CompletableFuture<byte[]> a = client.getPageAsync(t.id(), key, lsn, lsn);
                        CompletableFuture<byte[]> b = client.getPageAsync(t.id(), keys.get(0), lsn, lsn);
                        assertThat(a.join()).as("seed %d: %s at %s", seed, key, lsn)
                                .isEqualTo(source.pages().getPage(t.id(), key, lsn));
                        assertThat(b.join()).isEqualTo(source.pages().getPage(t.id(), keys.get(0), lsn));
                    }
                }, pool));
            }
            CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            writer.join();
            pool.shutdownNow();
        }
    }

    @Test
    void requestsInFlightFailClearlyWhenThePageserverGoesAway() {
        Timeline t = source.timelines().createTimeline("main");
        client.createTimeline(t.id(), t.name());
        CompletableFuture<byte[]> waiting = client.getPageAsync(t.id(), PageKey.main(1, 0), Lsn.of(1L << 40), Lsn.of(1L << 40));
        int port = rpc.port();
        stopPageserver();
        assertThatThrownBy(waiting::join).hasCauseInstanceOf(StorageException.class)
                .hasMessageContaining("connection to pageserver at 127.0.0.1:" + port + " was lost");
        startPageserver(port);
        assertThat(client.list()).extracting(Timeline::id).containsExactly(t.id()); // the same client reconnects
    }

    /** Sends one raw frame and reads the answer: {@code [status, reason, message]} for errors. */
    private Object[] rawCall(java.io.DataOutputStream out, java.io.DataInputStream in, long id, int type, byte[] payload)
            throws java.io.IOException {
        out.writeInt(9 + payload.length);
        out.writeLong(id);
        out.writeByte(type);
        out.write(payload);
        out.flush();
        int length = in.readInt();
        assertThat(in.readLong()).isEqualTo(id);
        int status = in.readUnsignedByte();
        if (status != RpcType.ERROR.code()) {
            in.skipNBytes(length - 9);
            return new Object[] {status, null, null};
        }
        int reason = in.readUnsignedByte();
        byte[] message = new byte[in.readInt()];
        in.readFully(message);
        return new Object[] {status, StorageException.Reason.values()[reason], new String(message, java.nio.charset.StandardCharsets.UTF_8)};
    }

    @Test
    void malformedRequestsGetErrorsAndTheConnectionStaysUsable() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", rpc.port())) {
            var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            assertThat(rawCall(out, in, 1, 99, new byte[0]))
                    .containsExactly(RpcType.ERROR.code(), StorageException.Reason.INVALID_REQUEST, "unknown request type 99");
            assertThat(rawCall(out, in, 2, RpcType.GET_PAGE.code(), new byte[5]))
                    .containsExactly(RpcType.ERROR.code(), StorageException.Reason.INVALID_REQUEST, "truncated request");
            assertThat(rawCall(out, in, 3, RpcType.LIST_TIMELINES.code(), new byte[0])[0]).isEqualTo(RpcType.OK.code());
        }
    }
}
