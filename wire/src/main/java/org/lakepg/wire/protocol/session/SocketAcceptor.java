package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.QueryEngine;
import org.lakepg.wire.protocol.codec.FrontendDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections and runs each one's {@link SessionWorker} on a thread of its own that reads and writes the
 * socket itself, as PostgreSQL's backend per connection does: a statement needs no hand-off to a session thread and
 * back to an event loop (two thread wake-ups per statement, the largest cost of short statements). A client whose
 * first packet asks for encryption while TLS is configured is handed with the bytes read so far to a Netty event
 * loop, where the TLS handler does the I/O ({@link ConnectionHandler}).
 */
public final class SocketAcceptor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketAcceptor.class);
    /** PostgreSQL's default authentication_timeout, also for a client that never sends its first packet. */
    private static final long FIRST_PACKET_TIMEOUT_SECONDS = 60;

    private final ServerSocketChannel server;
    private final int maxMessageSize;
    private final SessionRegistry registry;
    private final QueryEngine engine;
    private final AuthenticationPolicy policy;
    private final EventLoopGroup tlsGroup;
    private final ChannelHandler tlsInitializer;
    private final Thread.Builder sessionThreads;
    private final Thread acceptThread;

    private SocketAcceptor(ServerSocketChannel server, int maxMessageSize, SessionRegistry registry, QueryEngine engine,
                           AuthenticationPolicy policy, EventLoopGroup tlsGroup, ChannelHandler tlsInitializer,
                           boolean platformThreads) {
        this.server = server;
        this.maxMessageSize = maxMessageSize;
        this.registry = registry;
        this.engine = engine;
        this.policy = policy;
        this.tlsGroup = tlsGroup;
        this.tlsInitializer = tlsInitializer;
        this.sessionThreads = platformThreads ? Thread.ofPlatform().daemon().name("lakepg-connection-", 1)
                : Thread.ofVirtual().name("lakepg-connection-", 1);
        this.acceptThread = Thread.ofPlatform().daemon().name("lakepg-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts accepting. {@code tlsGroup} (NIO event loops) and {@code tlsInitializer} (the pipeline of a
     * Netty connection) are null without TLS.
     */
    public static SocketAcceptor start(InetSocketAddress address, int maxMessageSize, SessionRegistry registry,
                                       QueryEngine engine, AuthenticationPolicy policy, EventLoopGroup tlsGroup,
                                       ChannelHandler tlsInitializer, boolean platformThreads) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 128);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        SocketAcceptor acceptor = new SocketAcceptor(server, maxMessageSize, registry, engine, policy, tlsGroup,
                tlsInitializer, platformThreads);
        acceptor.acceptThread.start();
        return acceptor;
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("listening socket closed", e);
        }
    }

    /** Stops accepting; open connections stay. */
    @Override
    public void close() {
        try {
            server.close();
            acceptThread.join(2000);
        } catch (IOException e) {
            LOG.warn("closing the listening socket failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel socket;
            try {
                socket = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) { // e.g. out of file descriptors: keep serving the connections there are
                LOG.warn("accepting a connection failed: {}", e.toString());
                pause();
                continue;
            }
            try {
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                sessionThreads.start(() -> serve(socket));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                LOG.warn("cannot serve a new connection: {}", e.toString());
                closeQuietly(socket);
            }
        }
    }

    private void serve(SocketChannel socket) {
        FrontendDecoder decoder = new FrontendDecoder(maxMessageSize);
        SocketConnection connection;
        try {
            connection = new SocketConnection(socket, decoder, registry);
        } catch (IOException e) { // the client left already
            closeQuietly(socket);
            return;
        }
        try {
            if (tlsGroup != null) {
                AtomicBoolean firstPacketSeen = new AtomicBoolean();
                connection.closeUnlessAuthenticatedAfter(FIRST_PACKET_TIMEOUT_SECONDS, firstPacketSeen::get);
                boolean encryption = connection.startsWithEncryptionRequest();
                firstPacketSeen.set(true);
                if (encryption) {
                    handOver(socket, connection.takeInput());
                    return;
                }
            }
            new SessionWorker(connection, decoder, registry, engine, policy).runOnThisThread();
        } finally {
            connection.release();
        }
    }

    /** The TLS connection continues on a Netty event loop; it decodes the SSLRequest read here as its first bytes. */
    private void handOver(SocketChannel socket, ByteBuf alreadyRead) {
        NioSocketChannel channel;
        try {
            channel = new NioSocketChannel(socket);
        } catch (RuntimeException e) {
            alreadyRead.release();
            closeQuietly(socket);
            throw e;
        }
        channel.config().setAutoRead(false);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(256 * 1024, 1024 * 1024));
        channel.pipeline().addLast(tlsInitializer);
        tlsGroup.register(channel).addListener(registered -> {
            if (!registered.isSuccess()) {
                alreadyRead.release();
                channel.close();
                return;
            }
            // after the registration task, so the connection's handler saw channelActive first
            channel.eventLoop().execute(() -> {
                channel.pipeline().fireChannelRead(alreadyRead);
                channel.config().setAutoRead(true);
            });
        });
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
