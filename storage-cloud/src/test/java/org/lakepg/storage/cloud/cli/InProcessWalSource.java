package org.lakepg.storage.cloud.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.pageserver.WalSourceFactory;

/** A {@link WalSourceFactory} for tests: {@code --safekeepers in-process:NAME} names a WalService registered here. */
public final class InProcessWalSource implements WalSourceFactory {

    static final Map<String, WalService> SOURCES = new ConcurrentHashMap<>();

    @Override
    public boolean accepts(String safekeepers) {
        return safekeepers.startsWith("in-process:");
    }

    @Override
    public WalService connect(String safekeepers) {
        WalService wal = SOURCES.get(safekeepers.substring("in-process:".length()));
        if (wal == null) {
            throw new IllegalArgumentException("no in-process WAL source " + safekeepers);
        }
        return wal;
    }
}
