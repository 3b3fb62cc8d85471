package org.lakepg.storage.cloud.wal;

import org.lakepg.storage.StorageException;

/**
 * A newer compute took the timeline: this compute's appends are rejected and it must acknowledge no further commit.
 * The server turns it into a FATAL (the session ends; nothing after the fencing point was acknowledged).
 */
public final class GenerationFencedException extends StorageException {

    private static final long serialVersionUID = 1L;

    public GenerationFencedException(String message) {
        super(Reason.CLOSED, message);
    }
}
