package org.lakepg.wire.protocol;

import org.lakepg.wire.error.PgException;

/** The client's side of COPY FROM STDIN. */
public interface CopyInStream {
    /**
     * The next CopyData payload, or null after CopyDone. Throws 57014 "COPY from stdin failed: msg"
     * on CopyFail.
     */
    byte[] next() throws PgException;
}
