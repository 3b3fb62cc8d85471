package org.lakepg.server.access.buffer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PageLatchTest {

    @Test
    void anExclusiveRequestWaitsUntilEverySharedHolderHasLeft() throws Exception {
        PageLatch latch = new PageLatch();
        latch.lockShared();
        latch.lockShared(); // a second holder (here the same thread, as a nested scan of one page would)
        AtomicBoolean acquired = new AtomicBoolean();
        Thread writer = Thread.ofVirtual().start(() -> {
            latch.lockExclusive();
            acquired.set(true);
            latch.unlockExclusive();
        });
        waitUntilQueued(latch);
        latch.unlockShared();
        Thread.sleep(50);
        assertFalse(acquired.get(), "granted while a shared holder remained");
        latch.unlockShared();
        writer.join(10_000);
        assertTrue(acquired.get());
    }

    @Test
    void aSharedHolderTakesTheLatchAgainWhileAnExclusiveRequestWaits() throws Exception {
        PageLatch latch = new PageLatch();
        latch.lockShared();
        Thread writer = Thread.ofVirtual().start(() -> {
            latch.lockExclusive();
            latch.unlockExclusive();
        });
        waitUntilQueued(latch);
        CountDownLatch again = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            latch.lockShared(); // must not queue behind the writer: that would deadlock a re-entering reader
            again.countDown();
            latch.unlockShared();
        });
        assertTrue(again.await(10, TimeUnit.SECONDS));
        latch.unlockShared();
        writer.join(10_000);
        assertFalse(writer.isAlive());
    }

    @Test
    void theExclusiveHolderMayTakeTheLatchAgainAndOthersWaitUntilItLetsGoOfAll() throws Exception {
        PageLatch latch = new PageLatch();
        latch.lockExclusive();
        latch.lockExclusive();
        latch.lockShared();
        AtomicBoolean reader = new AtomicBoolean();
        Thread other = Thread.ofVirtual().start(() -> {
            latch.lockShared();
            reader.set(true);
            latch.unlockShared();
        });
        waitUntilQueued(latch);
        latch.unlockShared();
        latch.unlockExclusive();
        Thread.sleep(50);
        assertFalse(reader.get(), "a shared request was granted while the latch was still held exclusively");
        latch.unlockExclusive();
        other.join(10_000);
        assertTrue(reader.get());
    }

    @Test
    void releasingALatchNotHeldIsAnError() throws Exception {
        PageLatch latch = new PageLatch();
        assertThrows(IllegalMonitorStateException.class, latch::unlockShared);
        assertThrows(IllegalMonitorStateException.class, latch::unlockExclusive);
        latch.lockExclusive();
        AtomicBoolean refused = new AtomicBoolean();
        Thread other = Thread.ofVirtual().start(() -> {
            try {
                latch.unlockExclusive();
            } catch (IllegalMonitorStateException expected) {
                refused.set(true);
            }
        });
        other.join(10_000);
        assertTrue(refused.get(), "another thread released the exclusive latch");
        latch.unlockExclusive();
    }

    private static void waitUntilQueued(PageLatch latch) throws InterruptedException {
        for (int i = 0; i < 1000 && !latch.hasQueuedThreads(); i++) {
            Thread.sleep(5);
        }
        assertTrue(latch.hasQueuedThreads());
    }
}
