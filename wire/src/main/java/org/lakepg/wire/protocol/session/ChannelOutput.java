package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link BackendOutput} through a Netty channel: the event loop writes what the worker buffered; the worker waits
 * while the channel is not writable, so a slow reader slows only its own session.
 */
final class ChannelOutput implements BackendOutput {

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private ByteBuf buffer;

    ChannelOutput(Channel channel) {
        this.channel = channel;
    }

    @Override
    public ByteBuf buffer() {
        if (buffer == null) {
            buffer = channel.alloc().buffer(1024);
        }
        return buffer;
    }

    @Override
    public void flushIfLarge() {
        if (buffer != null && buffer.readableBytes() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (buffer != null) {
            ByteBuf toWrite = buffer;
            buffer = null;
            channel.writeAndFlush(toWrite, channel.voidPromise());
        }
        awaitWritable();
    }

    @Override
    public void flushAndClose() {
        ByteBuf toWrite = buffer != null ? buffer : channel.alloc().buffer(0);
        buffer = null;
        channel.writeAndFlush(toWrite).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void discard() {
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
