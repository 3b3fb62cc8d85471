package org.lakepg.wire.protocol.session;

import io.netty.buffer.ByteBuf;

/**
 * The worker thread's buffered view of the connection: messages collect in one buffer that is written at
 * Sync/Flush/ReadyForQuery or when it grows big.
 */
interface BackendOutput {
    /** Results are written out early once this much has collected (big results, COPY OUT). */
    int FLUSH_THRESHOLD = 64 * 1024;

    /** The buffer to append whole messages to. */
    ByteBuf buffer();

    /** Writes out early once enough has collected. */
    void flushIfLarge();

    /** Writes what is buffered; returns when the client can take more. */
    void flush();

    /** Writes what is buffered and closes the connection after it. */
    void flushAndClose();

    /** Drops anything buffered (the connection is gone). */
    void discard();
}
