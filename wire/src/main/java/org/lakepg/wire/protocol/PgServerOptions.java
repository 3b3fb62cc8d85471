package org.lakepg.wire.protocol;

import java.nio.file.Path;

/**
 * How a {@link PgServer} listens.
 *
 * @param host           address to bind, e.g. "127.0.0.1" or "0.0.0.0"
 * @param port           0 = any free port
 * @param tlsCertificate PEM certificate chain; null = no TLS (SSLRequest is answered 'N')
 * @param tlsKey         PEM PKCS#8 private key of the certificate
 * @param maxMessageSize largest message accepted after authentication (PostgreSQL: 1 GB - 1)
 * @param ioThreads      Netty event-loop threads (0 = one per processor)
 * @param sessionIo      who does a session's socket I/O
 */
public record PgServerOptions(String host, int port, Path tlsCertificate, Path tlsKey, int maxMessageSize, int ioThreads,
                              SessionIo sessionIo) {
    /** PQ_LARGE_MESSAGE_LIMIT: MaxAllocSize - 1. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 0x3FFFFFFE;

    public PgServerOptions {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("tlsCertificate and tlsKey go together");
        }
        if (maxMessageSize < 10000) {
            throw new IllegalArgumentException("maxMessageSize too small: " + maxMessageSize);
        }
        if (sessionIo == null) {
            throw new IllegalArgumentException("sessionIo is required");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0");
        }
    }

    /** With the default number of event-loop threads. */
    public PgServerOptions(String host, int port, Path tlsCertificate, Path tlsKey, int maxMessageSize) {
        this(host, port, tlsCertificate, tlsKey, maxMessageSize, 0, SessionIo.THREAD);
    }

    /** Plain TCP on host:port with PostgreSQL's limits. */
    public static PgServerOptions of(String host, int port) {
        return new PgServerOptions(host, port, null, null, DEFAULT_MAX_MESSAGE_SIZE, 0, SessionIo.THREAD);
    }

    public PgServerOptions withTls(Path certificate, Path key) {
        return new PgServerOptions(host, port, certificate, key, maxMessageSize, ioThreads, sessionIo);
    }

    /** With this many event-loop threads (0 = the default). */
    public PgServerOptions withIoThreads(int threads) {
        return new PgServerOptions(host, port, tlsCertificate, tlsKey, maxMessageSize, threads, sessionIo);
    }

    public PgServerOptions withSessionIo(SessionIo io) {
        return new PgServerOptions(host, port, tlsCertificate, tlsKey, maxMessageSize, ioThreads, io);
    }

    public PgServerOptions withMaxMessageSize(int bytes) {
        return new PgServerOptions(host, port, tlsCertificate, tlsKey, bytes, ioThreads, sessionIo);
    }
}
