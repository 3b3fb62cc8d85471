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
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.storage.StorageException;

/**
 * The client end of the pageserver RPC and of the safekeepers' proposer protocol (same frames): one TCP
 * connection, opened on first use and again after it broke, on which any number of threads pipeline requests;
 * answers are matched to requests by id. Requests in flight when the connection breaks, or unanswered within the
 * timeout (checked a few times per timeout, so up to a quarter of it late), fail with an IO {@link StorageException}
 * naming the service. Answers are parsed on the connection's event loop: callers of the async form must not block in
 * their callbacks.
 */
public final class RpcConnection implements AutoCloseable {

    private final String service;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final EventLoopGroup group;
    /** Whether closing this connection shuts {@link #group} down (false: it is shared with other connections). */
    private final boolean ownsGroup;
    private final Bootstrap bootstrap;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Object connectLock = new Object();
    private volatile Channel channel;
    private volatile boolean closed;

    RpcConnection(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this("pageserver", host, port, connectTimeout, requestTimeout);
    }

    /** A connection to {@code service} (what error messages call the other end, e.g. "safekeeper 2"). */
    public RpcConnection(String service, String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this(service, host, port, connectTimeout, requestTimeout, new NioEventLoopGroup(1), true);
    }

    /**
     * A connection whose I/O runs on {@code group}, which the caller shares with other connections and shuts down
     * itself: connections used together (a proposer's to every safekeeper) then wake one thread per round instead
     * of one each, and their answers are handled one after another on it rather than racing for a lock.
     */
    public RpcConnection(String service, String host, int port, Duration connectTimeout, Duration requestTimeout,
            EventLoopGroup group) {
        this(service, host, port, connectTimeout, requestTimeout, group, false);
    }

    private RpcConnection(String service, String host, int port, Duration connectTimeout, Duration requestTimeout,
            EventLoopGroup group, boolean ownsGroup) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.service = service;
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

    String address() {
        return host + ":" + port;
    }

    private Channel channel() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            return ch;
        }
        synchronized (connectLock) {
            if (closed) {
                throw StorageException.of(StorageException.Reason.CLOSED, "%s client for %s is closed", service, address());
            }
            ch = channel;
            if (ch != null && ch.isActive()) {
                return ch;
            }
            if (onOwnEventLoop()) {
                // waiting for the connection here would wait for this very thread (a loop shared by several
                // connections sends to one from another's answer): fail the request; the caller retries elsewhere
                throw StorageException.of(StorageException.Reason.IO, "%s at %s is not connected", service, address());
            }
            ChannelFuture connecting = bootstrap.connect(host, port);
            if (!connecting.awaitUninterruptibly(connectTimeout.toMillis() + 1000) || !connecting.isSuccess()) {
                connecting.channel().close();
                Throwable cause = connecting.cause();
                throw new StorageException(StorageException.Reason.IO, "could not connect to " + service + " at " + address() + ": "
                        + (cause == null ? "timed out" : cause.getMessage()), cause);
            }
            ch = connecting.channel();
            Channel opened = ch;
            long period = Math.max(10, Math.min(1000, requestTimeout.toMillis() / 4));
            ScheduledFuture<?> sweep = ch.eventLoop().scheduleAtFixedRate(this::failExpired, period, period, TimeUnit.MILLISECONDS);
            ch.closeFuture().addListener(f -> {
                sweep.cancel(false);
                failPending(opened);
            });
            channel = ch;
            return ch;
        }
    }

    private boolean onOwnEventLoop() {
        for (io.netty.util.concurrent.EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** A request waiting for its answer, the connection it was sent on, and when it times out ({@link System#nanoTime}). */
    private record Pending(Channel channel, CompletableFuture<ByteBuf> answer, long deadline) {
    }

    /**
     * Fails the requests whose time is up. A sweep every fraction of the timeout on the connection's own event loop,
     * not a timer per request: {@code CompletableFuture.orTimeout} schedules and cancels on the JDK's shared delay
     * scheduler thread, which woke up about five times per transaction in a compute (one request per safekeeper
     * per commit), against a few sweeps per second here.
     */
    private void failExpired() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
            if (now - e.getValue().deadline() >= 0 && pending.remove(e.getKey(), e.getValue())) {
                e.getValue().answer().completeExceptionally(new TimeoutException());
            }
        }
    }

    /** Fails the requests sent on {@code closed} (null: all of them). */
    private void failPending(Channel closed) {
        for (Map.Entry<Long, Pending> e : List.copyOf(pending.entrySet())) {
            if ((closed == null || e.getValue().channel() == closed) && pending.remove(e.getKey(), e.getValue())) {
                e.getValue().answer().completeExceptionally(StorageException.of(StorageException.Reason.IO,
                        "connection to %s at %s was lost", service, address()));
            }
        }
    }

    /** Sends one request; the future completes with the parsed answer or a {@link StorageException}. */
    <T> CompletableFuture<T> call(RpcType type, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        return call(type.code(), payload, parse);
    }

    /**
     * Sends one request with request code {@code code} (any service using this framing); the future completes with
     * the parsed answer or a {@link StorageException}. {@code parse} runs on the connection's event loop.
     */
    public <T> CompletableFuture<T> call(int code, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        Channel ch = channel();
        long id = ids.incrementAndGet();
        ByteBuf out = ch.alloc().buffer();
        out.writeInt(0);
        out.writeLong(id);
        out.writeByte(code);
        payload.accept(out);
        out.setInt(0, out.readableBytes() - 4);
        return send(ch, id, out, parse);
    }

    /**
     * Like {@link #call(int, Consumer, Function)} with a payload encoded once for several connections: each call
     * sends a view of {@code body} behind its own frame header and never copies it. The caller keeps its
     * reference to {@code body} (released when it no longer shares it).
     */
    public <T> CompletableFuture<T> call(int code, ByteBuf body, Function<ByteBuf, T> parse) {
        Channel ch = channel();
        long id = ids.incrementAndGet();
        ByteBuf header = ch.alloc().buffer(13);
        header.writeInt(9 + body.readableBytes());
        header.writeLong(id);
        header.writeByte(code);
        ByteBuf out = ch.alloc().compositeBuffer(2).addComponents(true, header, body.retainedDuplicate());
        return send(ch, id, out, parse);
    }

    private <T> CompletableFuture<T> send(Channel ch, long id, ByteBuf out, Function<ByteBuf, T> parse) {
        CompletableFuture<ByteBuf> answer = new CompletableFuture<>();
        pending.put(id, new Pending(ch, answer, System.nanoTime() + requestTimeout.toNanos()));
        Runnable write = () -> ch.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                Pending failed = pending.remove(id);
                if (failed != null) {
                    failed.answer().completeExceptionally(new StorageException(StorageException.Reason.IO,
                            "could not send to " + service + " at " + address() + ": " + f.cause(), f.cause()));
                }
            }
        });
        if (ch.eventLoop().inEventLoop()) {
            // A write from another thread is queued as a task on the event loop, one from the loop itself would
            // go out at once — ahead of those queued before it. Requests must leave in the order they were made
            // (a safekeeper refuses an append that skips one), so this one queues too.
            ch.eventLoop().execute(write);
        } else {
            write.run();
        }
        if (!ch.isActive()) {
            failPending(ch); // closed between channel() and put: the close listener may have run already
        }
        return answer.thenApply(frame -> {
            try {
                return parse.apply(frame);
            } finally {
                frame.release();
            }
        });
    }

    <T> T await(CompletableFuture<T> future, RpcType type) {
        return await(future, type.name());
    }

    /** Waits for an answer; failures come out as {@link StorageException}s naming the service and the request. */
    public <T> T await(CompletableFuture<T> future, String request) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause(), request);
        } catch (CompletionException e) {
            throw translate(e.getCause(), request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StorageException.of(StorageException.Reason.CLOSED, "interrupted waiting for %s at %s", service, address());
        }
    }

    private StorageException translate(Throwable cause, String request) {
        if (cause instanceof CompletionException c && c.getCause() != null) {
            cause = c.getCause();
        }
        if (cause instanceof StorageException se) {
            return new StorageException(se.reason(), se.getMessage(), se);
        }
        if (cause instanceof TimeoutException) {
            return StorageException.of(StorageException.Reason.IO, "%s at %s did not answer %s within %d ms",
                    service, address(), request, requestTimeout.toMillis());
        }
        return new StorageException(StorageException.Reason.IO, service + " request " + request + " failed: " + cause, cause);
    }

    <T> T sync(RpcType type, Consumer<ByteBuf> payload, Function<ByteBuf, T> parse) {
        return await(call(type, payload, parse), type);
    }

    /** Frames from the pageserver: completes the matching request. */
    private final class ResponseHandler extends SimpleChannelInboundHandler<ByteBuf> {

        ResponseHandler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            if (frame.readableBytes() < RpcCodec.HEADER) {
                frame.release();
                ctx.close(); // not our protocol: fail everything sent on this connection
                return;
            }
            long id = frame.readLong();
            int code = frame.readUnsignedByte();
            Pending waiting = pending.remove(id);
            if (waiting == null) {
                frame.release(); // timed out already
                return;
            }
            CompletableFuture<ByteBuf> f = waiting.answer();
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
                f.completeExceptionally(new StorageException(StorageException.Reason.IO, "malformed " + service + " error", e));
            } finally {
                frame.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Connects now unless connected; fails with an IO {@link StorageException} if the other end is not there. */
    public void connect() {
        channel();
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            if (closed) {
                return; // closing twice is harmless
            }
            closed = true;
            Channel ch = channel;
            if (ch != null) {
                ch.close().syncUninterruptibly();
            }
        }
        failPending(null);
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
