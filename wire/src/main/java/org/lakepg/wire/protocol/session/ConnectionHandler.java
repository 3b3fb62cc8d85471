package org.lakepg.wire.protocol.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.QueryEngine;
import org.lakepg.wire.protocol.codec.FrontendDecoder;
import org.lakepg.wire.protocol.codec.FrontendMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop end of one connection: answers the encryption requests and CancelRequest right
 * here (they change the pipeline or concern another session) and hands everything else to the
 * connection's {@link SessionWorker}.
 */
public final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final FrontendDecoder decoder;
    private final SslContext sslContext;
    private final SessionRegistry registry;
    private final QueryEngine engine;
    private final AuthenticationPolicy policy;
    private ChannelConnection connection;
    private SessionWorker worker;

    public ConnectionHandler(FrontendDecoder decoder, SslContext sslContext, SessionRegistry registry, QueryEngine engine,
                             AuthenticationPolicy policy) {
        this.decoder = decoder;
        this.sslContext = sslContext;
        this.registry = registry;
        this.engine = engine;
        this.policy = policy;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new ChannelConnection(ctx.channel());
        worker = new SessionWorker(connection, decoder, registry, engine, policy);
        worker.start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FrontendMessage message = (FrontendMessage) msg;
        switch (message) {
            case FrontendMessage.SslRequest request -> {
                if (sslContext == null) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
                } else {
                    // 'S' must leave unencrypted, so the TLS handler goes in only after it was written
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
                    ctx.pipeline().addFirst("tls", sslContext.newHandler(ctx.alloc()));
                }
            }
            case FrontendMessage.GssEncRequest request -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
            case FrontendMessage.CancelRequest cancel -> registry.cancel(cancel.processId(), cancel.secretKey());
            default -> connection.received(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (worker != null) {
            worker.channelClosed();
            connection.received(new FrontendMessage.Fatal(null, false));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (worker != null) {
            connection.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause.getCause() instanceof javax.net.ssl.SSLException) {
            LOG.debug("connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
