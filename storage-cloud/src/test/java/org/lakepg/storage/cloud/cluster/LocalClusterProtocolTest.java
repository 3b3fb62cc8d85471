package org.lakepg.storage.cloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.cloud.wal.WalProtocol;

/** Which WAL protocol a local cluster speaks, and that every compute started for it is told (no process started). */
class LocalClusterProtocolTest {

    @TempDir
    Path dir;

    private LocalCluster at(Path d) {
        return LocalCluster.at(d, Launcher.ofCurrentJvm());
    }

    @Test
    void aNewClusterIsAProposerCluster() {
        assertThat(at(dir).walProtocol()).isEqualTo(WalProtocol.PROPOSER);
        assertThat(LocalCluster.DEFAULT_WAL_PROTOCOL).isEqualTo(WalProtocol.PROPOSER);
    }

    @Test
    void anExplicitProtocolIsKeptAndTheDirectoryRemembersIt() {
        LocalCluster raft = at(dir).withWalProtocol(WalProtocol.RAFT);
        assertThat(raft.walProtocol()).isEqualTo(WalProtocol.RAFT);
        raft.file().save();
        // a later start without --wal-protocol, or with another one, goes on with what the data was written with
        assertThat(at(dir).walProtocol()).isEqualTo(WalProtocol.RAFT);
        assertThat(at(dir).withWalProtocol(WalProtocol.PROPOSER).walProtocol()).isEqualTo(WalProtocol.RAFT);
    }

    @Test
    void aClusterFileWrittenBeforeProtocolsWereRecordedIsRaft() {
        ClusterFile old = ClusterFile.in(dir);
        old.setPort(LocalCluster.PAGESERVER, 6400);
        old.save();
        assertThat(at(dir).walProtocol()).isEqualTo(WalProtocol.RAFT);
    }

    @Test
    void computesStartedByOthersSpeakTheClustersProtocol() {
        LocalCluster cluster = at(dir).withWalProtocol(WalProtocol.RAFT);
        for (String service : LocalCluster.services()) {
            cluster.file().setPort(service, 7000 + service.length());
        }
        assertThat(String.join(" ", cluster.computeStorageArguments()))
                .startsWith("--storage cloud --safekeepers 1@")
                .contains("--s3-endpoint http://127.0.0.1:" + cluster.port(LocalCluster.S3)
                        + " --bucket " + LocalCluster.COMPUTE_BUCKET)
                .endsWith("--wal-protocol raft");
    }
}
