package org.lakepg.wire.protocol;

/**
 * Who reads and writes a session's socket. TLS connections always go through Netty's event loops (they hand
 * decoded messages to a virtual session thread).
 */
public enum SessionIo {
    /** A platform thread per connection reads, runs and writes itself, like a PostgreSQL backend (the default). */
    THREAD,
    /** The same on a virtual thread: the JDK's poller wakes it when input arrives. */
    VIRTUAL,
    /** Netty event loops do all socket I/O and hand each message to a virtual session thread and the reply back. */
    NETTY
}
