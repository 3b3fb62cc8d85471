package org.lakepg.wire.protocol.session;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.codec.FrontendMessage;

/**
 * The transport a {@link SessionWorker} speaks through: decoded messages in, buffered backend messages out. Either
 * the worker reads and writes its socket itself ({@link SocketConnection}, like a PostgreSQL backend) or a Netty event
 * loop does the I/O and hands messages over ({@link ChannelConnection}, for TLS).
 */
sealed interface ClientConnection permits ChannelConnection, SocketConnection {
    /** Worker side: the next message, waiting for it; a Fatal(null) once the connection is gone. */
    FrontendMessage take() throws InterruptedException;

    BackendOutput output();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The TLS session, or null on an unencrypted connection. */
    SSLSession tlsSession();

    /** False once the client is gone or the connection was closed. */
    boolean isOpen();

    /**
     * Worker side, polled while a statement runs (often: it must be cheap): whether the client closed the
     * connection, so nobody will read what the statement computes.
     */
    boolean clientGone();

    /** Closes the connection after this many seconds unless {@code authenticated} says by then that it is. */
    void closeUnlessAuthenticatedAfter(long seconds, java.util.function.BooleanSupplier authenticated);

    /** From another thread (server shutdown): the client is told {@code fatal} and the connection ends. */
    void terminate(PgException fatal);

    /** From another thread: closes the connection now (a shutdown whose session did not end in time). */
    void closeNow();
}
