package org.lakepg.server.cli.cluster;

import org.lakepg.storage.cloud.wal.WalProtocol;

/** {@link FencingIT} on a cluster whose computes are the WAL's proposer ({@code --wal-protocol proposer}). */
class ProposerFencingIT extends FencingIT {

    @Override
    WalProtocol walProtocol() {
        return WalProtocol.PROPOSER;
    }
}
