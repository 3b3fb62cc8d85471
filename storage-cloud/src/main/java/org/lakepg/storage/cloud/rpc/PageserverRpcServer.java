package org.lakepg.storage.cloud.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Pageserver} over the binary RPC of {@link RpcType}. Each request runs on its own virtual thread —
 * a GetPage may wait for WAL — so a connection's requests are answered concurrently and in any order; responses are
 * flushed in consolidated batches.
 */
public final class PageserverRpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageserverRpcServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel serverChannel;
    private final int port;

    private PageserverRpcServer(Pageserver pageserver, String host, int port) {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        RpcDispatcher dispatcher = new RpcDispatcher(pageserver);
        try {
            serverChannel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(
                                    new FlushConsolidationHandler(256, true),
                                    new LengthFieldBasedFrameDecoder(RpcCodec.MAX_FRAME, 0, 4, 0, 4),
                                    new RequestHandler(dispatcher, executor));
                        }
                    })
                    .bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownGroups();
            throw StorageException.of(StorageException.Reason.CLOSED, "interrupted while binding %s:%d", host, port);
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new StorageException(StorageException.Reason.IO,
                    "could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Listens on {@code host:port} (0 = a free port). */
    public static PageserverRpcServer start(Pageserver pageserver, String host, int port) {
        return new PageserverRpcServer(pageserver, host, port);
    }

    public int port() {
        return port;
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Stops listening and closes every connection; requests still running are abandoned. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdownGroups();
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
        executor.shutdownNow();
    }

    /** One connection's requests: each is run off the event loop and answered when done. */
    private static final class RequestHandler extends SimpleChannelInboundHandler<ByteBuf> {

        private final RpcDispatcher dispatcher;
        private final ExecutorService executor;

        RequestHandler(RpcDispatcher dispatcher, ExecutorService executor) {
            super(false); // the task releases the frame
            this.dispatcher = dispatcher;
            this.executor = executor;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            if (frame.readableBytes() < RpcCodec.HEADER) {
                frame.release();
                LOG.warn("closing RPC connection from {}: frame of {} bytes", ctx.channel().remoteAddress(), frame.readableBytes());
                ctx.close();
                return;
            }
            long requestId = frame.readLong();
            int code = frame.readUnsignedByte();
            try {
                executor.execute(() -> answer(ctx, requestId, code, frame));
            } catch (RuntimeException rejected) {
                frame.release(); // shutting down
            }
        }

        private void answer(ChannelHandlerContext ctx, long requestId, int code, ByteBuf frame) {
            ByteBuf out = ctx.alloc().buffer();
            out.writeInt(0);
            out.writeLong(requestId);
            out.writeByte(RpcType.OK.code());
            try {
                RpcType type = RpcType.of(code);
                if (type == null) {
                    throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "unknown request type %d", code);
                }
                dispatcher.handle(type, frame, out);
            } catch (StorageException e) {
                error(out, requestId, e.reason(), e.getMessage());
            } catch (IndexOutOfBoundsException e) {
                error(out, requestId, StorageException.Reason.INVALID_REQUEST, "truncated request");
            } catch (RuntimeException e) {
                LOG.error("RPC request {} failed", code, e);
                error(out, requestId, StorageException.Reason.IO, "internal pageserver error: " + e);
            } finally {
                frame.release();
            }
            out.setInt(0, out.readableBytes() - 4);
            ctx.writeAndFlush(out, ctx.voidPromise());
        }

        private static void error(ByteBuf out, long requestId, StorageException.Reason reason, String message) {
            out.clear();
            out.writeInt(0);
            out.writeLong(requestId);
            out.writeByte(RpcType.ERROR.code());
            out.writeByte(reason.ordinal());
            RpcCodec.string(out, message == null ? "" : message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("RPC connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
