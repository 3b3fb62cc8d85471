package org.lakepg.wire.protocol.session;

import io.netty.channel.Channel;
import java.util.concurrent.LinkedBlockingQueue;
import org.lakepg.wire.protocol.codec.FrontendMessage;

/**
 * Decoded messages waiting for the session's worker. Reading from the socket pauses while many
 * are queued (a client pipelining faster than the engine runs), so memory stays bounded.
 */
final class InboundQueue {
    private static final int PAUSE_READING_AT = 512;
    private static final int RESUME_READING_AT = 64;

    private final Channel channel;
    private final LinkedBlockingQueue<FrontendMessage> messages = new LinkedBlockingQueue<>();

    InboundQueue(Channel channel) {
        this.channel = channel;
    }

    /** Event loop side. */
    void add(FrontendMessage message) {
        messages.add(message);
        if (messages.size() >= PAUSE_READING_AT && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
    }

    /** Worker side: blocks until a message is there. */
    FrontendMessage take() throws InterruptedException {
        FrontendMessage message = messages.take();
        if (messages.size() <= RESUME_READING_AT && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        return message;
    }
}
