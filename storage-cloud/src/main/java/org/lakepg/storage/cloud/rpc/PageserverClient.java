package org.lakepg.storage.cloud.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.TransactionMarker;

/**
 * The compute's side of the pageserver RPC: {@link PageService} and {@link TimelineService} over one reused TCP
 * connection on which any number of threads pipeline their requests (answers are matched by request id). The
 * connection is opened on first use and again after it broke; requests that were in flight when it broke fail with
 * an IO {@link StorageException} naming the pageserver, as do requests that get no answer within the timeout.
 */
public final class PageserverClient implements PageService, TimelineService, AutoCloseable {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Bootstrap bootstrap;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<ByteBuf>> pending = new ConcurrentHashMap<>();
    private final Object connectLock = new Object();
    private volatile Channel channel;
    private volatile boolean closed;

    public PageserverClient(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new FlushConsolidationHandler(256, true),
                                new LengthFieldBasedFrameDecoder(RpcCodec.MAX_FRAME, 0, 4, 0, 4),
                                new ResponseHandler());
                    }
                });
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
        return host + ":" + port;
    }

    // ---- transport ----

    private Channel channel() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            return ch;
        }
        synchronized (connectLock) {
            if (closed) {
                throw StorageException.of(StorageException.Reason.CLOSED, "pageserver client for %s is closed", address());
            }
            ch = channel;
            if (ch != null && ch.isActive()) {
                return ch;
            }
            ChannelFuture connecting = bootstrap.connect(host, port);
            if (!connecting.awaitUninterruptibly(connectTimeout.toMillis() + 1000) || !connecting.isSuccess()) {
                connecting.channel().close();
                Throwable cause = connecting.cause();
                throw new StorageException(StorageException.Reason.IO, "could not connect to pageserver at " + address() + ": "
                        + (cause == null ? "timed out" : cause.getMessage()), cause);
            }
            ch = connecting.channel();
            ch.closeFuture().addListener(f -> failPending());
            channel = ch;
            return ch;
        }
    }

    private void failPending() {
        for (Long id : List.copyOf(pending.keySet())) {
            CompletableFuture<ByteBuf> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(StorageException.of(StorageException.Reason.IO,
                        "connection to pageserver at %s was lost", address()));
            }
        }
    }

    /** Sends one request; the future completes with the parsed answer or a {@link StorageException}. */
    private <T> CompletableFuture<T> call(RpcType type, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        Channel ch = channel();
        long id = ids.incrementAndGet();
        CompletableFuture<ByteBuf> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ByteBuf out = ch.alloc().buffer();
        out.writeInt(0);
        out.writeLong(id);
        out.writeByte(type.code());
        payload.accept(out);
        out.setInt(0, out.readableBytes() - 4);
        ch.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                CompletableFuture<ByteBuf> failed = pending.remove(id);
                if (failed != null) {
                    failed.completeExceptionally(new StorageException(StorageException.Reason.IO,
                            "could not send to pageserver at " + address() + ": " + f.cause(), f.cause()));
                }
            }
        });
        if (!ch.isActive()) {
            failPending(); // closed between channel() and put: the close listener may have run already
        }
        return answer.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> {
                    if (e instanceof TimeoutException) {
                        pending.remove(id);
                    }
                })
                .thenApply(frame -> {
                    try {
                        return parse.apply(frame);
                    } finally {
                        frame.release();
                    }
                });
    }

    private <T> T await(CompletableFuture<T> future, RpcType type) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause(), type);
        } catch (CompletionException e) {
            throw translate(e.getCause(), type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StorageException.of(StorageException.Reason.CLOSED, "interrupted waiting for pageserver at %s", address());
        }
    }

    private StorageException translate(Throwable cause, RpcType type) {
        if (cause instanceof CompletionException c && c.getCause() != null) {
            cause = c.getCause();
        }
        if (cause instanceof StorageException se) {
            return new StorageException(se.reason(), se.getMessage(), se);
        }
        if (cause instanceof TimeoutException) {
            return StorageException.of(StorageException.Reason.IO, "pageserver at %s did not answer %s within %d ms",
                    address(), type, requestTimeout.toMillis());
        }
        return new StorageException(StorageException.Reason.IO, "pageserver request " + type + " failed: " + cause, cause);
    }

    private <T> T sync(RpcType type, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        return await(call(type, payload, parse), type);
    }

    /** Frames from the pageserver: completes the matching request. */
    private final class ResponseHandler extends SimpleChannelInboundHandler<ByteBuf> {

        ResponseHandler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            long id = frame.readLong();
            int code = frame.readUnsignedByte();
            CompletableFuture<ByteBuf> f = pending.remove(id);
            if (f == null) {
                frame.release(); // timed out already
                return;
            }
            if (code == RpcType.OK.code()) {
                f.complete(frame);
                return;
            }
            try {
                StorageException.Reason[] reasons = StorageException.Reason.values();
                int reason = frame.readUnsignedByte();
                String message = RpcCodec.string(frame);
                f.completeExceptionally(new StorageException(
                        reason < reasons.length ? reasons[reason] : StorageException.Reason.IO, message));
            } catch (RuntimeException e) {
                f.completeExceptionally(new StorageException(StorageException.Reason.IO, "malformed pageserver error", e));
            } finally {
                frame.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    // ---- pages ----

    @Override
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn) {
        return getPage(timeline, key, lsn, lsn);
    }

    /** The page at {@code lsn}, which the caller knows was last modified at or before {@code notModifiedSince}. */
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn, Lsn notModifiedSince) {
        return await(getPageAsync(timeline, key, lsn, notModifiedSince), RpcType.GET_PAGE);
    }

    /** Pipelined GetPage@LSN: many may be outstanding on the one connection. */
    public CompletableFuture<byte[]> getPageAsync(TimelineId timeline, PageKey key, Lsn lsn, Lsn notModifiedSince) {
        return call(RpcType.GET_PAGE, out -> {
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
        synchronized (connectLock) {
            closed = true;
            Channel ch = channel;
            if (ch != null) {
                ch.close().syncUninterruptibly();
            }
        }
        failPending();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
