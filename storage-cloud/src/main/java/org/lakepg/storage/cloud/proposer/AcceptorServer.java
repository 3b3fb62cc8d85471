package org.lakepg.storage.cloud.proposer;

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
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.cloud.rpc.RpcCodec;
import org.lakepg.storage.cloud.rpc.RpcType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safekeeper speaking the proposer protocol over Netty, in the pageserver RPC's frames ({@link RpcType}: request
 * id, code, payload; answers OK or ERROR). Requests that change state run on the one event loop, in the order they
 * arrive — an append is answered after its fsync — and reads on virtual threads. One event loop: a safekeeper has
 * a handful of connections (the compute, the pageserver). Writing on the loop itself rather than handing off to a
 * write thread saves two thread wake-ups per append (loop → writer, writer → loop for the answer): on the shared
 * 2-core host the cluster's throughput is CPU per transaction, and the loop has nothing else to do meanwhile — the
 * next append from the compute must wait for this one's fsync anyway. Appends that one read of the socket brought
 * share one fsync (group fsync; the compute keeps up to {@code Proposal.MAX_IN_FLIGHT} in flight per member) and are
 * answered after it.
 */
public final class AcceptorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptorServer.class);

    private final Acceptor acceptor;
    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel serverChannel;
    private final int port;

    private AcceptorServer(Acceptor acceptor, String host, int port) {
        this.acceptor = acceptor;
        try {
            serverChannel = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(RpcCodec.MAX_FRAME, 0, 4, 0, 4),
                                    new RequestHandler());
                        }
                    })
                    .bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
            throw StorageException.of(StorageException.Reason.CLOSED, "interrupted while binding %s:%d", host, port);
        } catch (RuntimeException e) {
            shutdown();
            throw new StorageException(StorageException.Reason.IO,
                    "could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Serves the timelines under {@code dataDir} on {@code host:port} (0 = a free port). */
    public static AcceptorServer start(Path dataDir, long walSegmentSize, String host, int port) {
        return new AcceptorServer(new Acceptor(dataDir, walSegmentSize), host, port);
    }

    public int port() {
        return port;
    }

    public Acceptor acceptor() {
        return acceptor;
    }

    private void shutdown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        reads.shutdownNow();
    }

    /** Stops listening, drops every connection, lets the write in progress finish and closes the files. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdown();
        loop.terminationFuture().syncUninterruptibly(); // the write in progress (on the loop) finished
        acceptor.close();
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<ByteBuf> {

        /** An append written but not forced yet, with its reply (or failure) to send once it is. */
        private record Unanswered(long requestId, AcceptorReply reply, RuntimeException error) {
        }

        /** This connection's appends since the last fsync, answered at the end of the read that brought them. */
        private final List<Unanswered> unanswered = new ArrayList<>();

        RequestHandler() {
            super(false); // the task releases the frame
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            if (frame.readableBytes() < RpcCodec.HEADER) {
                frame.release();
                ctx.close();
                return;
            }
            long requestId = frame.readLong();
            int code = frame.readUnsignedByte();
            AcceptorRequest request;
            try {
                request = AcceptorCodec.decodeRequest(code, frame);
            } catch (StorageException | IndexOutOfBoundsException e) {
                respond(ctx, requestId, null, e, true);
                return;
            } finally {
                frame.release();
            }
            if (request instanceof AcceptorRequest.Append append) {
                unanswered.add(writeUnsynced(requestId, append)); // forced and answered in channelReadComplete
                return;
            }
            if (Acceptor.isWrite(request)) {
                answerAppends(ctx);
                answer(ctx, requestId, request, true); // on the loop, one at a time, in arrival order
                return;
            }
            try {
                reads.execute(() -> answer(ctx, requestId, request, false));
            } catch (RuntimeException rejected) {
                ctx.close(); // shutting down
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            answerAppends(ctx);
            ctx.fireChannelReadComplete();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            unanswered.clear(); // nobody to answer; the next fsync covers what they wrote
            ctx.fireChannelInactive();
        }

        private Unanswered writeUnsynced(long requestId, AcceptorRequest.Append append) {
            try {
                return new Unanswered(requestId, acceptor.writeUnsynced(append), null);
            } catch (RuntimeException e) {
                LOG.error("safekeeper append on timeline {} failed", append.timeline(), e);
                return new Unanswered(requestId, null, e);
            }
        }

        /**
         * One fsync for the appends this read brought (the compute keeps several in flight: while this loop was in
         * the previous fsync, the next ones queued up in the socket), then their answers — never before.
         */
        private void answerAppends(ChannelHandlerContext ctx) {
            if (unanswered.isEmpty()) {
                return;
            }
            RuntimeException syncFailure = null;
            try {
                acceptor.syncAppends();
            } catch (RuntimeException e) {
                LOG.error("safekeeper fsync of {} appends failed", unanswered.size(), e);
                syncFailure = e;
            }
            for (Unanswered u : unanswered) {
                respond(ctx, u.requestId(), u.reply(), u.error() != null ? u.error() : syncFailure, false);
            }
            unanswered.clear();
            ctx.flush();
        }

        private void answer(ChannelHandlerContext ctx, long requestId, AcceptorRequest request, boolean write) {
            try {
                respond(ctx, requestId, write ? acceptor.write(request) : acceptor.query(request), null, true);
            } catch (RuntimeException e) {
                LOG.error("safekeeper request {} on timeline {} failed", request.getClass().getSimpleName(),
                        request.timeline(), e);
                respond(ctx, requestId, null, e, true);
            }
        }

        private void respond(ChannelHandlerContext ctx, long requestId, AcceptorReply reply, RuntimeException error,
                boolean flush) {
            ByteBuf out = ctx.alloc().buffer();
            out.writeInt(0);
            out.writeLong(requestId);
            if (error == null) {
                out.writeByte(RpcType.OK.code());
                AcceptorCodec.encode(reply, out);
            } else {
                StorageException.Reason reason = error instanceof StorageException s ? s.reason()
                        : error instanceof IndexOutOfBoundsException ? StorageException.Reason.INVALID_REQUEST
                        : StorageException.Reason.IO;
                out.writeByte(RpcType.ERROR.code());
                out.writeByte(reason.ordinal());
                RpcCodec.string(out, String.valueOf(error.getMessage()));
            }
            out.setInt(0, out.readableBytes() - 4);
            if (flush) {
                ctx.writeAndFlush(out, ctx.voidPromise());
            } else {
                ctx.write(out, ctx.voidPromise());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("safekeeper connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
