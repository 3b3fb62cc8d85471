package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * {@link BackendOutput} written by the worker itself to its blocking socket: one reused buffer, no hand-off. A write
 * blocks while the client does not read, so a slow reader slows only its own session.
 */
final class SocketOutput implements BackendOutput {
    private static final int INITIAL_CAPACITY = 8 * 1024;
    /** A buffer that grew past this for one big flush is not kept. */
    private static final int KEEP_CAPACITY = 256 * 1024;

    private final SocketChannel socket;
    private ByteBuf buffer;
    private volatile boolean broken;

    SocketOutput(SocketChannel socket) {
        this.socket = socket;
    }

    @Override
    public ByteBuf buffer() {
        if (buffer == null) {
            buffer = ByteBufAllocator.DEFAULT.directBuffer(INITIAL_CAPACITY);
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
        if (buffer == null || !buffer.isReadable()) {
            return;
        }
        if (!broken) {
            try {
                ByteBuffer bytes = buffer.nioBuffer();
                while (bytes.hasRemaining()) {
                    socket.write(bytes);
                }
            } catch (IOException e) { // the client is gone: what follows is dropped, the next read sees the end
                broken = true;
            }
        }
        buffer.clear();
        if (buffer.capacity() > KEEP_CAPACITY) {
            releaseBuffer();
        }
    }

    @Override
    public void flushAndClose() {
        flush();
        discard();
    }

    /** Drops what is buffered and closes the socket. */
    @Override
    public void discard() {
        releaseBuffer();
        try {
            socket.close();
        } catch (IOException e) {
            broken = true;
        }
    }

    private void releaseBuffer() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /** A write failed: the client is gone. */
    boolean isBroken() {
        return broken;
    }
}
