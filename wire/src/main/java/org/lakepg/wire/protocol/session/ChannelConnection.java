package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSession;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.codec.BackendMessages;
import org.lakepg.wire.protocol.codec.FrontendMessage;

/** A connection whose I/O a Netty event loop does: it queues decoded messages for the worker and writes its output. */
final class ChannelConnection implements ClientConnection {
    private final Channel channel;
    private final InboundQueue inbound;
    private final ChannelOutput output;

    ChannelConnection(Channel channel) {
        this.channel = channel;
        this.inbound = new InboundQueue(channel);
        this.output = new ChannelOutput(channel);
    }

    /** Event loop side. */
    void received(FrontendMessage message) {
        inbound.add(message);
    }

    /** Event loop side. */
    void writabilityChanged() {
        output.writabilityChanged();
    }

    @Override
    public FrontendMessage take() throws InterruptedException {
        return inbound.take();
    }

    @Override
    public BackendOutput output() {
        return output;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public SSLSession tlsSession() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        return tls == null ? null : tls.engine().getSession();
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public boolean clientGone() {
        return !channel.isActive();
    }

    @Override
    public void closeUnlessAuthenticatedAfter(long seconds, BooleanSupplier authenticated) {
        channel.eventLoop().schedule(() -> {
            if (!authenticated.getAsBoolean() && channel.isActive()) {
                channel.close();
            }
        }, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void closeNow() {
        channel.close();
    }

    @Override
    public void terminate(PgException fatal) {
        ByteBuf message = channel.alloc().buffer();
        BackendMessages.errorOrNotice(message, 'E', fatal, PgException.Severity.FATAL);
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
    }
}
