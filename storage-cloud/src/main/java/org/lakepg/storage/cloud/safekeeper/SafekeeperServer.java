package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running safekeeper: a Ratis server hosting the quorum's group with a {@link SafekeeperStateMachine}. */
public final class SafekeeperServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SafekeeperServer.class);

    private final SafekeeperConfig config;
    private final RaftServer server;
    private final SafekeeperStateMachine stateMachine;

    private SafekeeperServer(SafekeeperConfig config, RaftServer server, SafekeeperStateMachine stateMachine) {
        this.config = config;
        this.server = server;
        this.stateMachine = stateMachine;
    }

    /** Starts the safekeeper; its data directory is created or recovered. */
    public static SafekeeperServer start(SafekeeperConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            SafekeeperStateMachine stateMachine = new SafekeeperStateMachine(config.dataDir().resolve("wal"),
                    config.walSegmentSize());
            RaftServer server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf("sk" + config.id()))
                    .setGroup(QuorumSettings.group(config.members()))
                    .setStateMachine(stateMachine)
                    .setProperties(QuorumSettings.server(config.port(), config.dataDir().resolve("raft"),
                            config.snapshotEveryEntries(), config.raftSegmentSize()))
                    .setOption(RaftStorage.StartupOption.RECOVER)
                    .build();
            server.start();
            LOG.info("safekeeper {} listening on port {}, data in {}, members {}", config.id(), config.port(),
                    config.dataDir(), config.members());
            return new SafekeeperServer(config, server, stateMachine);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO,
                    "could not start safekeeper " + config.id() + ": " + e.getMessage(), e);
        }
    }

    public SafekeeperConfig config() {
        return config;
    }

    /** This member's applied view of a timeline, or null if it has not seen it. */
    public SafekeeperReply.TimelineState timelineState(TimelineId timeline) {
        return stateMachine.timelineState(timeline);
    }

    /** Whether this member leads the quorum now. */
    public boolean isLeader() {
        try {
            return server.getDivision(QuorumSettings.GROUP_ID).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server and closes its files. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not stop safekeeper " + config.id(), e);
        }
    }
}
