package org.lakepg.storage.cloud.pageserver;

import org.lakepg.storage.WalService;

/**
 * Makes the WAL source a standalone pageserver ingests from, given its {@code --safekeepers} option; found with
 * {@link java.util.ServiceLoader}, so the safekeepers' client plugs in without this package knowing it.
 */
public interface WalSourceFactory {

    /** True if this factory understands the option's value (e.g. a list of safekeeper addresses). */
    boolean accepts(String safekeepers);

    WalService connect(String safekeepers);

    /** Like {@link #connect(String)}, speaking {@code walProtocol} ({@code --wal-protocol}; null: the default). */
    default WalService connect(String safekeepers, String walProtocol) {
        if (walProtocol != null && !walProtocol.equals("raft")) {
            throw new IllegalArgumentException("this WAL source does not speak --wal-protocol " + walProtocol);
        }
        return connect(safekeepers);
    }
}
