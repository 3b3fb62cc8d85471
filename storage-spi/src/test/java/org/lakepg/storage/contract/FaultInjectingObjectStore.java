package org.lakepg.storage.contract;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;

/**
 * Wraps a real {@link ObjectStore} and fails a chosen share of calls with an IO {@link StorageException} — before
 * the call reaches the store, so a failed put stored nothing — to test retries and the "upload before the manifest
 * that names it" rule.
 */
public final class FaultInjectingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final Random random;
    private volatile double failureRate;

    public FaultInjectingObjectStore(ObjectStore delegate, long seed, double failureRate) {
        this.delegate = delegate;
        this.random = new Random(seed);
        this.failureRate = failureRate;
    }

    public void setFailureRate(double failureRate) {
        this.failureRate = failureRate;
    }

    private void maybeFail(String op, String key) {
        boolean fail;
        synchronized (random) {
            fail = random.nextDouble() < failureRate;
        }
        if (fail) {
            throw StorageException.of(StorageException.Reason.IO, "injected failure of %s \"%s\"", op, key);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        maybeFail("put", key);
        delegate.put(key, data);
    }

    @Override
    public Optional<byte[]> get(String key) {
        maybeFail("get", key);
        return delegate.get(key);
    }

    @Override
    public List<String> list(String prefix) {
        maybeFail("list", prefix);
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        maybeFail("delete", key);
        delegate.delete(key);
    }
}
