package org.lakepg.server.cli.cluster;

import org.lakepg.storage.cloud.wal.WalProtocol;

/** {@link SafekeeperFaultIT} on a cluster whose computes are the WAL's proposer ({@code --wal-protocol proposer}). */
class ProposerSafekeeperFaultIT extends SafekeeperFaultIT {

    @Override
    WalProtocol walProtocol() {
        return WalProtocol.PROPOSER;
    }
}
