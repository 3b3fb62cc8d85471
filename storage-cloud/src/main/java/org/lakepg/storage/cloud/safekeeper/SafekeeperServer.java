package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.ExitUtils;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running safekeeper: a Ratis server hosting the quorum's group with a {@link SafekeeperStateMachine}. */
public final class SafekeeperServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SafekeeperServer.class);

    /** How long a start waits for its port when it is still held (a member restarted on the port it just left). */
    private static final long BIND_WAIT_NANOS = 15_000_000_000L;

    static {
        // Ratis calls System.exit when its gRPC server cannot bind: that would take the whole JVM down
        // (a compute or test that embeds safekeepers); we get an ExitException instead and report or retry.
        ExitUtils.disableSystemExit();
    }

    private final SafekeeperConfig config;
    private final RaftServer server;
    private final SafekeeperStateMachine stateMachine;
    private final Thread startupNudge;

    private SafekeeperServer(SafekeeperConfig config, RaftServer server, SafekeeperStateMachine stateMachine,
            Thread startupNudge) {
        this.config = config;
        this.server = server;
        this.stateMachine = stateMachine;
        this.startupNudge = startupNudge;
    }

    /** Starts the safekeeper; its data directory is created or recovered. Waits a little for a port still held. */
    public static SafekeeperServer start(SafekeeperConfig config) {
        long deadline = System.nanoTime() + BIND_WAIT_NANOS;
        while (true) {
            try {
                return startOnce(config);
            } catch (ExitUtils.ExitException e) {
                ExitUtils.clear();
                if (!causedByBind(e) || System.nanoTime() > deadline) {
                    throw new StorageException(StorageException.Reason.IO, "could not start safekeeper " + config.id()
                            + " on port " + config.port() + ": " + rootMessage(e), e);
                }
                LOG.info("safekeeper {}: port {} is still in use, retrying", config.id(), config.port());
                sleepQuietly(200);
            }
        }
    }

    private static SafekeeperServer startOnce(SafekeeperConfig config) {
        RaftServer server = null;
        try {
            Files.createDirectories(config.dataDir());
            SafekeeperStateMachine stateMachine = new SafekeeperStateMachine(config.dataDir().resolve("wal"),
                    config.walSegmentSize());
            server = RaftServer.newBuilder()
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
            // ask for log entries so the leader finds out where this member's log really ends (StartupNudge)
            Thread nudge = StartupNudge.start(QuorumSettings.group(config.members()), config.id());
            return new SafekeeperServer(config, server, stateMachine, nudge);
        } catch (IOException e) {
            closeQuietly(server);
            throw new StorageException(StorageException.Reason.IO,
                    "could not start safekeeper " + config.id() + ": " + e.getMessage(), e);
        } catch (ExitUtils.ExitException e) {
            closeQuietly(server);
            throw e;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static void closeQuietly(RaftServer server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException ignored) {
                // the start already failed; that failure is what we report
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while starting a safekeeper", e);
        }
    }

    public SafekeeperConfig config() {
        return config;
    }

    /** This member's figures: leader-side commit time and apply time per entry. */
    public Metrics metrics() {
        return stateMachine.metrics();
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
        startupNudge.interrupt();
        try {
            server.close();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not stop safekeeper " + config.id(), e);
        }
    }
}
