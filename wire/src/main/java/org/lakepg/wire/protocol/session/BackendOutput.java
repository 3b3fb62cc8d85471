package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker thread's buffered view of the connection: messages collect in one buffer that is
 * written at Sync/Flush/ReadyForQuery or when it grows big; the worker waits while the channel
 * is not writable, so a slow reader slows only its own session.
 */
final class BackendOutput {
    private static final int FLUSH_THRESHOLD = 64 * 1024;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private ByteBuf buffer;

    BackendOutput(Channel channel) {
        this.channel = channel;
    }

    /** The buffer to append whole messages to. */
    ByteBuf buffer() {
        if (buffer == null) {
            buffer = channel.alloc().buffer(1024);
        }
        return buffer;
    }

    /** Writes out early once enough has collected (big results, COPY OUT). */
    void flushIfLarge() {
        if (buffer != null && buffer.readableBytes() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    void flush() {
        if (buffer != null) {
            ByteBuf toWrite = buffer;
            buffer = null;
            channel.writeAndFlush(toWrite, channel.voidPromise());
        }
        awaitWritable();
    }

    /** Writes what is buffered and closes the connection after it. */
    void flushAndClose() {
        ByteBuf toWrite = buffer != null ? buffer : channel.alloc().buffer(0);
        buffer = null;
        channel.writeAndFlush(toWrite).addListener(ChannelFutureListener.CLOSE);
    }

    /** Drops anything buffered (the connection is gone). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /** Called on the event loop when the channel's writability changed. */
    void writabilityChanged() {
        lock.lock();
        try {
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritable() {
        lock.lock();
        try {
            while (channel.isActive() && !channel.isWritable()) {
                writable.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
