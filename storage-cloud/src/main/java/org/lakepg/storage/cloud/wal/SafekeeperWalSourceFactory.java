package org.lakepg.storage.cloud.wal;

import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.pageserver.WalSourceFactory;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;

/** {@code lakepg pageserver --safekeepers id@host:port,...}: the pageserver ingests from the safekeeper quorum. */
public final class SafekeeperWalSourceFactory implements WalSourceFactory {

    @Override
    public boolean accepts(String safekeepers) {
        try {
            SafekeeperAddress.parseList(safekeepers);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public WalService connect(String safekeepers) {
        return SafekeeperWalSource.connect(SafekeeperAddress.parseList(safekeepers));
    }

    @Override
    public WalService connect(String safekeepers, String walProtocol) {
        return new SafekeeperWalSource(WalProtocol.parse(walProtocol).connect(SafekeeperAddress.parseList(safekeepers)));
    }
}
