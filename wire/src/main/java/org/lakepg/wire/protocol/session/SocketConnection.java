package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSession;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.codec.FrontendDecoder;
import org.lakepg.wire.protocol.codec.FrontendMessage;
import org.lakepg.wire.protocol.codec.StartupCodes;

/**
 * A plain TCP connection whose worker reads and writes the socket itself, as a PostgreSQL backend does: a statement
 * arrives and its reply leaves on the worker's thread, with no hand-off to and from an event loop.
 */
final class SocketConnection implements ClientConnection {
    private static final int READ_CHUNK = 8 * 1024;
    private static final int KEEP_CAPACITY = 256 * 1024;
    private static final byte[] REFUSED = {'N'};
    /** How often a running statement looks whether its client closed the connection. */
    private static final long PROBE_INTERVAL_NANOS = 100_000_000;

    private final SocketChannel socket;
    private final FrontendDecoder decoder;
    private final SessionRegistry registry;
    private final SocketOutput output;
    private final ArrayDeque<Object> decoded = new ArrayDeque<>();
    private final List<Object> scratch = new ArrayList<>(4);
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private ByteBuf in = ByteBufAllocator.DEFAULT.directBuffer(READ_CHUNK);
    private boolean endOfInput;
    private int goneChecks;
    private long lastProbe = System.nanoTime();
    private volatile PgException terminatedWith;

    SocketConnection(SocketChannel socket, FrontendDecoder decoder, SessionRegistry registry) throws IOException {
        this.socket = socket;
        this.decoder = decoder;
        this.registry = registry;
        this.output = new SocketOutput(socket);
        this.remote = (InetSocketAddress) socket.getRemoteAddress();
        this.local = (InetSocketAddress) socket.getLocalAddress();
    }

    /**
     * Whether the client's first packet asks for encryption (SSLRequest, GSSENCRequest): reads until the first
     * packet's length and code are there. What was read stays for {@link #take()} or {@link #takeInput()}.
     */
    boolean startsWithEncryptionRequest() {
        while (in.readableBytes() < 8 && readMore()) {
            // wait for the first packet's header
        }
        if (in.readableBytes() < 8 || in.getInt(in.readerIndex()) != 8) {
            return false;
        }
        int code = in.getInt(in.readerIndex() + 4);
        return code == StartupCodes.SSL_REQUEST || code == StartupCodes.GSSENC_REQUEST;
    }

    /** The bytes read and not yet decoded, handed over with the socket to an event loop. */
    ByteBuf takeInput() {
        ByteBuf rest = in;
        in = null;
        return rest;
    }

    @Override
    public FrontendMessage take() {
        while (true) {
            PgException terminated = terminatedWith;
            if (terminated != null) {
                return new FrontendMessage.Fatal(terminated, false);
            }
            Object next = decoded.poll();
            if (next != null) {
                FrontendMessage message = (FrontendMessage) next;
                switch (message) {
                    // without TLS both are refused; with TLS these connections were handed to Netty (SocketAcceptor)
                    case FrontendMessage.SslRequest request -> writeNow(REFUSED);
                    case FrontendMessage.GssEncRequest request -> writeNow(REFUSED);
                    case FrontendMessage.CancelRequest cancel -> registry.cancel(cancel.processId(), cancel.secretKey());
                    default -> {
                        return message;
                    }
                }
                continue;
            }
            if (in.isReadable()) {
                decoder.decodeAvailable(in, scratch);
                if (!scratch.isEmpty()) {
                    decoded.addAll(scratch);
                    scratch.clear();
                    continue;
                }
            }
            if (!readMore()) {
                PgException terminatedMeanwhile = terminatedWith; // the shutdown that ended the read
                return new FrontendMessage.Fatal(terminatedMeanwhile, false);
            }
        }
    }

    /** Reads what the socket has (waiting for at least one byte); false at the end of the input. */
    private boolean readMore() {
        if (endOfInput) {
            return false;
        }
        if (!in.isReadable()) {
            if (in.capacity() > KEEP_CAPACITY) {
                in.release();
                in = ByteBufAllocator.DEFAULT.directBuffer(READ_CHUNK);
            }
            in.clear();
        } else if (in.writableBytes() < READ_CHUNK) {
            in.discardReadBytes();
        }
        in.ensureWritable(READ_CHUNK);
        try {
            ByteBuffer target = in.nioBuffer(in.writerIndex(), in.writableBytes());
            int n = socket.read(target); // 0 only when probing without waiting (clientGone)
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            in.writerIndex(in.writerIndex() + n);
            return true;
        } catch (IOException e) { // reset by the peer, or closed by a timeout or shutdown
            endOfInput = true;
            return false;
        }
    }

    private void writeNow(byte[] bytes) {
        output.buffer().writeBytes(bytes);
        output.flush();
    }

    @Override
    public BackendOutput output() {
        return output;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public SSLSession tlsSession() {
        return null;
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen() && !output.isBroken();
    }

    /**
     * Nobody reads the socket while a statement runs, so a closed connection shows only when the reply is written.
     * Every 4096th call, at most every 100 ms, this reads without waiting: the end of the input (or a reset) means
     * the client is gone; messages it pipelined meanwhile are kept for {@link #take()}.
     */
    @Override
    public boolean clientGone() {
        if (endOfInput || output.isBroken() || !socket.isOpen()) {
            return true;
        }
        if ((++goneChecks & 0xFFF) != 0) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastProbe < PROBE_INTERVAL_NANOS) {
            return false;
        }
        lastProbe = now;
        try {
            socket.configureBlocking(false);
            try {
                readMore();
            } finally {
                socket.configureBlocking(true);
            }
        } catch (IOException e) {
            endOfInput = true;
        }
        return endOfInput;
    }

    @Override
    public void closeUnlessAuthenticatedAfter(long seconds, BooleanSupplier authenticated) {
        Thread.ofVirtual().name("lakepg-authentication-timeout").start(() -> {
            try {
                TimeUnit.SECONDS.sleep(seconds);
            } catch (InterruptedException e) {
                return;
            }
            if (!authenticated.getAsBoolean()) {
                closeQuietly();
            }
        });
    }

    @Override
    public void terminate(PgException fatal) {
        terminatedWith = fatal;
        try {
            socket.shutdownInput(); // wakes the worker if it waits for the next message
        } catch (IOException e) {
            closeQuietly();
        }
    }

    @Override
    public void closeNow() {
        closeQuietly(); // a worker blocked writing to a client that does not read gets an exception and ends
    }

    /** Releases the input buffer; the worker's output closes the socket. */
    void release() {
        if (in != null) {
            in.release();
            in = null;
        }
        decoded.clear();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
