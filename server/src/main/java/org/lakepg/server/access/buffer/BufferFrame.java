package org.lakepg.server.access.buffer;

import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;

/** One slot of the buffer cache: an 8 KiB page, its latch, its pin count and its clock usage count. */
final class BufferFrame {

    /** Pin count value meaning "being replaced by the clock sweep": pinners must look the page up again. */
    static final int REPLACING = -1;

    final byte[] data = new byte[Page.SIZE];
    final PageLatch latch = new PageLatch();
    final AtomicInteger pins = new AtomicInteger();
    volatile int usage;
    /** The page held, null while the frame is free. */
    volatile PageKey key;
    /** False until the page was read; a failed read leaves it false and frees the frame. */
    volatile boolean valid;
    /** LSN of this compute's last logged change to the page since it was loaded, null if none. */
    volatile Lsn lastWritten;

    /** Pins unless the frame is being replaced; the caller must re-check {@link #key} afterwards. */
    boolean tryPin() {
        while (true) {
            int p = pins.get();
            if (p < 0) {
                return false;
            }
            if (pins.compareAndSet(p, p + 1)) {
                return true;
            }
        }
    }

    void unpin() {
        pins.decrementAndGet();
    }
}
