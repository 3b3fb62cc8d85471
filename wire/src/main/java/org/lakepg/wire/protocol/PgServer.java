package org.lakepg.wire.protocol;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.lakepg.wire.protocol.codec.FrontendDecoder;
import org.lakepg.wire.protocol.session.ConnectionHandler;
import org.lakepg.wire.protocol.session.SessionRegistry;
import org.lakepg.wire.protocol.session.SessionWorker;
import org.lakepg.wire.protocol.session.SocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listening PostgreSQL protocol v3 endpoint in front of a {@link QueryEngine}. */
public final class PgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 5000;

    /** Netty's accepting loop; null when connections are accepted by a {@link SocketAcceptor}. */
    private final EventLoopGroup acceptGroup;
    /** Netty's I/O loops; with a SocketAcceptor only for TLS connections, null without TLS. */
    private final EventLoopGroup ioGroup;
    private final Channel serverChannel;
    private final SocketAcceptor acceptor;
    private final SessionRegistry registry;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private PgServer(EventLoopGroup acceptGroup, EventLoopGroup ioGroup, Channel serverChannel, SocketAcceptor acceptor,
                     SessionRegistry registry) {
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
        this.serverChannel = serverChannel;
        this.acceptor = acceptor;
        this.registry = registry;
    }

    /** Binds and starts accepting connections. */
    public static PgServer start(PgServerOptions options, QueryEngine engine, AuthenticationPolicy auth)
            throws InterruptedException {
        SslContext ssl = sslContext(options);
        SessionRegistry registry = new SessionRegistry();
        ChannelHandler pipeline = new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                FrontendDecoder decoder = new FrontendDecoder(options.maxMessageSize());
                ch.pipeline().addLast("decoder", decoder);
                ch.pipeline().addLast("connection", new ConnectionHandler(decoder, ssl, registry, engine, auth));
            }
        };
        if (options.sessionIo() != SessionIo.NETTY) {
            return startSocketAcceptor(options, engine, auth, ssl, registry, pipeline);
        }
        boolean epoll = Epoll.isAvailable();
        // One loop per processor instead of Netty's 2 x processors: each loop serves several connections and is
        // often awake when a session's reply is ready, so fewer replies pay for waking it. Half the processors saved
        // CPU on a loaded machine, but on a quiet one it made the single loop the limit (docs/compute-performance.md)
        int ioThreads = options.ioThreads() > 0 ? options.ioThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors());
        EventLoopGroup acceptGroup = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        EventLoopGroup ioGroup = epoll ? new EpollEventLoopGroup(ioThreads) : new NioEventLoopGroup(ioThreads);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channel(channelType)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                    .childHandler(pipeline)
                    .bind(options.host(), options.port()).sync().channel();
            LOG.info("listening on {}{}", channel.localAddress(), ssl != null ? " (TLS available)" : "");
            return new PgServer(acceptGroup, ioGroup, channel, null, registry);
        } catch (Exception e) { // Netty rethrows checked exceptions such as BindException undeclared
            acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": " + e, e);
        }
    }

    /** Sessions do their own socket I/O; only TLS connections go to Netty event loops (NIO, as they adopt a JDK socket). */
    private static PgServer startSocketAcceptor(PgServerOptions options, QueryEngine engine, AuthenticationPolicy auth,
                                                SslContext ssl, SessionRegistry registry, ChannelHandler pipeline) {
        EventLoopGroup tlsGroup = ssl == null ? null : new NioEventLoopGroup(options.ioThreads() > 0 ? options.ioThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            SocketAcceptor acceptor = SocketAcceptor.start(new InetSocketAddress(options.host(), options.port()),
                    options.maxMessageSize(), registry, engine, auth, tlsGroup, ssl == null ? null : pipeline,
                    options.sessionIo() == SessionIo.THREAD);
            LOG.info("listening on {}{}", acceptor.address(), ssl != null ? " (TLS available)" : "");
            return new PgServer(null, tlsGroup, null, acceptor, registry);
        } catch (IOException | RuntimeException e) {
            if (tlsGroup != null) {
                tlsGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": " + e, e);
        }
    }

    public InetSocketAddress address() {
        return acceptor != null ? acceptor.address() : (InetSocketAddress) serverChannel.localAddress();
    }

    /** Open client connections, including those still authenticating. */
    public int connectionCount() {
        return registry.connectionCount();
    }

    /** Stops accepting, sends FATAL 57P01 to every session, closes them and the event loops; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (acceptor != null) {
            acceptor.close();
        } else {
            serverChannel.close().syncUninterruptibly();
        }
        for (SessionWorker connection : registry.connections()) {
            connection.terminate();
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
            for (SessionWorker connection : registry.connections()) {
                connection.awaitEnd(deadline);
            }
            for (SessionWorker connection : registry.connections()) {
                connection.closeNow(); // e.g. blocked writing to a client that stopped reading
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (acceptGroup != null) {
            acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static SslContext sslContext(PgServerOptions options) {
        if (options.tlsCertificate() == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(options.tlsCertificate().toFile(), options.tlsKey().toFile()).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot load TLS certificate/key: " + e.getMessage(), e);
        }
    }
}
