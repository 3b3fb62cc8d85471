package org.lakepg.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.lakepg.storage.ObjectStore;

/** An ObjectStore in a sorted map: for tests that write many small snapshots and do not test durability. */
public final class InMemoryObjectStore implements ObjectStore {

    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public void put(String key, byte[] data) {
        objects.put(key, data.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public List<String> list(String prefix) {
        return new ArrayList<>(objects.tailMap(prefix).keySet().stream().takeWhile(k -> k.startsWith(prefix)).toList());
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }
}
