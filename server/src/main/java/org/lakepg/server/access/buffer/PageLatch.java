package org.lakepg.server.access.buffer;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A buffer frame's content latch, shared or exclusive, like PostgreSQL's buffer content LWLock. Cheaper than a
 * {@link java.util.concurrent.locks.ReentrantReadWriteLock}, which keeps a per-thread hold count (a thread-local
 * entry set and removed on every shared lock by a second reader) that the B-tree root and hot heap pages paid for on
 * every search. Shared holders are only counted; as with LWLocks a shared request succeeds whenever no one holds the
 * latch exclusively, even if an exclusive request is waiting, so a thread may take a page's shared latch again while
 * it holds it. The exclusive holder may take the latch again, shared or exclusive, as the read-write lock allowed.
 */
final class PageLatch extends AbstractQueuedSynchronizer {

    /** State: exclusive hold count in the low 16 bits, shared holders above. */
    private static final int SHARED_UNIT = 1 << 16;
    private static final int EXCLUSIVE_MASK = SHARED_UNIT - 1;

    void lockShared() {
        acquireShared(1);
    }

    void unlockShared() {
        releaseShared(1);
    }

    void lockExclusive() {
        acquire(1);
    }

    void unlockExclusive() {
        release(1);
    }

    @Override
    protected int tryAcquireShared(int unused) {
        while (true) {
            int c = getState();
            if ((c & EXCLUSIVE_MASK) != 0 && getExclusiveOwnerThread() != Thread.currentThread()) {
                return -1;
            }
            if (compareAndSetState(c, c + SHARED_UNIT)) {
                return 1;
            }
        }
    }

    @Override
    protected boolean tryReleaseShared(int unused) {
        while (true) {
            int c = getState();
            if (c < SHARED_UNIT) {
                throw new IllegalMonitorStateException("page latch released shared without being held shared");
            }
            int next = c - SHARED_UNIT;
            if (compareAndSetState(c, next)) {
                return next == 0;
            }
        }
    }

    @Override
    protected boolean tryAcquire(int unused) {
        int c = getState();
        Thread current = Thread.currentThread();
        if (c == 0) {
            if (compareAndSetState(0, 1)) {
                setExclusiveOwnerThread(current);
                return true;
            }
            return false;
        }
        if ((c & EXCLUSIVE_MASK) != 0 && getExclusiveOwnerThread() == current) {
            // reentrant: only the owner changes the state while it holds the latch exclusively (shared requests of
            // other threads fail without changing it)
            setState(c + 1);
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int unused) {
        int c = getState();
        if ((c & EXCLUSIVE_MASK) == 0 || getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new IllegalMonitorStateException("page latch released exclusive by a thread not holding it");
        }
        int next = c - 1;
        if ((next & EXCLUSIVE_MASK) == 0) {
            setExclusiveOwnerThread(null);
        }
        setState(next);
        return next == 0;
    }

    @Override
    protected boolean isHeldExclusively() {
        return (getState() & EXCLUSIVE_MASK) != 0 && getExclusiveOwnerThread() == Thread.currentThread();
    }
}
