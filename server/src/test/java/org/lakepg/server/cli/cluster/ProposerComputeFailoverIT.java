package org.lakepg.server.cli.cluster;

import org.lakepg.storage.cloud.wal.WalProtocol;

/** {@link ComputeFailoverIT} on a cluster whose computes are the WAL's proposer ({@code --wal-protocol proposer}). */
class ProposerComputeFailoverIT extends ComputeFailoverIT {

    @Override
    WalProtocol walProtocol() {
        return WalProtocol.PROPOSER;
    }
}
