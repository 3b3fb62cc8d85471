package org.lakepg.storage.cloud.rpc;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.TransactionMarker;

/**
 * The compute's side of the pageserver RPC: {@link PageService} and {@link TimelineService} over one reused,
 * pipelined connection ({@link RpcConnection}: reconnects after a break; requests in flight then, or unanswered within
 * the timeout, fail with an IO {@link org.lakepg.storage.StorageException} naming the pageserver).
 */
public final class PageserverClient implements PageService, TimelineService, AutoCloseable {

    private final RpcConnection connection;

    public PageserverClient(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this.connection = new RpcConnection(host, port, connectTimeout, requestTimeout);
    }

    /** A client of {@code host:port} with a 5 s connect timeout and a 60 s request timeout. */
    public static PageserverClient connect(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("pageserver address must be host:port, not \"" + hostAndPort + "\"");
        }
        return new PageserverClient(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)),
                Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public String address() {
        return connection.address();
    }

    private <T> T sync(RpcType type, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        return connection.sync(type, payload, parse);
    }

    // ---- pages ----

    @Override
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn) {
        return getPage(timeline, key, lsn, lsn);
    }

    /** The page at {@code lsn}, which the caller knows was last modified at or before {@code notModifiedSince}. */
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn, Lsn notModifiedSince) {
        return connection.await(getPageAsync(timeline, key, lsn, notModifiedSince), RpcType.GET_PAGE);
    }

    /**
     * Pipelined GetPage@LSN: many may be outstanding on the one connection. The future completes on the connection's
     * event loop: do not block in its callbacks.
     */
    public CompletableFuture<byte[]> getPageAsync(TimelineId timeline, PageKey key, Lsn lsn, Lsn notModifiedSince) {
        return connection.call(RpcType.GET_PAGE, out -> {
            RpcCodec.timelineId(out, timeline);
            RpcCodec.key(out, key);
            RpcCodec.lsn(out, lsn);
            RpcCodec.lsn(out, notModifiedSince);
        }, in -> readPage(in));
    }

    private static byte[] readPage(ByteBuf in) {
        byte[] page = new byte[Page.SIZE];
        in.readBytes(page);
        return page;
    }

    @Override
    public List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn) {
        return getPages(timeline, keys, lsn, lsn);
    }

    /** Several pages at one LSN in one round trip. */
    public List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn, Lsn notModifiedSince) {
        return sync(RpcType.GET_PAGES, out -> {
            RpcCodec.timelineId(out, timeline);
            RpcCodec.lsn(out, lsn);
            RpcCodec.lsn(out, notModifiedSince);
            out.writeInt(keys.size());
            keys.forEach(k -> RpcCodec.key(out, k));
        }, in -> {
            List<byte[]> pages = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                pages.add(readPage(in));
            }
            return pages;
        });
    }

    private static Consumer<ByteBuf> relationRequest(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        return out -> {
            RpcCodec.timelineId(out, timeline);
            out.writeInt(relation);
            out.writeByte(fork.number());
            RpcCodec.lsn(out, lsn);
        };
    }

    @Override
    public int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        return sync(RpcType.RELATION_SIZE, relationRequest(timeline, relation, fork, lsn), ByteBuf::readInt);
    }

    @Override
    public boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        return sync(RpcType.RELATION_EXISTS, relationRequest(timeline, relation, fork, lsn), ByteBuf::readBoolean);
    }

    @Override
    public BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to) {
        return sync(RpcType.CHANGED_PAGES, relationRequest(timeline, relation, fork, from).andThen(out -> RpcCodec.lsn(out, to)),
                RpcCodec::bitset);
    }

    /** Waits until the pageserver ingested WAL up to {@code lsn} (at most {@code timeout}); returns what it has. */
    public Lsn waitForLsn(TimelineId timeline, Lsn lsn, Duration timeout) {
        return sync(RpcType.WAIT_FOR_LSN, out -> {
            RpcCodec.timelineId(out, timeline);
            RpcCodec.lsn(out, lsn);
            out.writeLong(timeout.toMillis());
        }, RpcCodec::lsn);
    }

    /** How far the pageserver ingested the timeline, and up to where S3 holds all of it. */
    public record TimelineStatus(Lsn ingestedLsn, Lsn remoteConsistentLsn) {
    }

    public TimelineStatus status(TimelineId timeline) {
        return sync(RpcType.TIMELINE_STATUS, out -> RpcCodec.timelineId(out, timeline),
                in -> new TimelineStatus(RpcCodec.lsn(in), RpcCodec.lsn(in)));
    }

    /**
     * Runs the pageserver's maintenance at once: checkpoint, compaction to image layers, GC and the upload that
     * deletes from S3 what no manifest names any more (the periodic rounds do the same over minutes). Returns the
     * number of layers GC removed.
     */
    public int collectGarbage() {
        return sync(RpcType.GC, out -> { }, ByteBuf::readInt);
    }

    // ---- timelines ----

    @Override
    public Timeline createTimeline(String name) {
        return createTimeline(TimelineId.random(), name);
    }

    /** Starts serving the WAL source's root timeline {@code id}. */
    public Timeline createTimeline(TimelineId id, String name) {
        return attach(new Timeline(id, null, Lsn.INVALID, name, Instant.now()));
    }

    @Override
    public Timeline branch(TimelineId parent, Lsn at, String name) {
        return branch(parent, at, TimelineId.random(), name);
    }

    /** Starts serving the WAL source's branch {@code id} of {@code parent} at {@code at} (null: the latest LSN). */
    public Timeline branch(TimelineId parent, Lsn at, TimelineId id, String name) {
        return sync(RpcType.BRANCH, out -> {
            RpcCodec.timelineId(out, parent);
            out.writeLong(at == null ? -1 : at.value());
            RpcCodec.timelineId(out, id);
            RpcCodec.string(out, name);
            RpcCodec.instant(out, Instant.now());
        }, RpcCodec::timeline);
    }

    /** Starts serving the WAL source's timeline exactly as the source describes it (id, ancestor, branch LSN, time). */
    public Timeline attach(Timeline source) {
        if (source.parent() == null) {
            return sync(RpcType.CREATE_TIMELINE, out -> {
                RpcCodec.timelineId(out, source.id());
                RpcCodec.string(out, source.name());
                RpcCodec.instant(out, source.created());
            }, RpcCodec::timeline);
        }
        return sync(RpcType.BRANCH, out -> {
            RpcCodec.timelineId(out, source.parent());
            out.writeLong(source.branchLsn().value());
            RpcCodec.timelineId(out, source.id());
            RpcCodec.string(out, source.name());
            RpcCodec.instant(out, source.created());
        }, RpcCodec::timeline);
    }

    @Override
    public Optional<Timeline> get(TimelineId id) {
        return list().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Timeline> byName(String name) {
        return list().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public List<Timeline> list() {
        return sync(RpcType.LIST_TIMELINES, out -> { }, in -> {
            int n = in.readInt();
            List<Timeline> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(RpcCodec.timeline(in));
            }
            return all;
        });
    }

    @Override
    public void delete(TimelineId id) {
        sync(RpcType.DELETE_TIMELINE, out -> RpcCodec.timelineId(out, id), in -> null);
    }

    @Override
    public void setRetention(Duration retention) {
        sync(RpcType.SET_RETENTION, out -> out.writeLong(retention.toSeconds()), in -> null);
    }

    @Override
    public Duration retention() {
        return sync(RpcType.GET_RETENTION, out -> { }, in -> Duration.ofSeconds(in.readLong()));
    }

    @Override
    public Lsn lsnAt(TimelineId timeline, Instant time) {
        return sync(RpcType.LSN_AT, out -> {
            RpcCodec.timelineId(out, timeline);
            out.writeLong(TransactionMarker.toMicros(time));
        }, RpcCodec::lsn);
    }

    @Override
    public void close() {
        connection.close();
    }
}
