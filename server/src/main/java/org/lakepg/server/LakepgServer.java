package org.lakepg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import org.lakepg.server.auth.HostRules;
import org.lakepg.server.auth.Roles;
import org.lakepg.server.cli.ServerConfig;
import org.lakepg.server.session.LakepgEngine;
import org.lakepg.wire.protocol.PgServer;
import org.lakepg.wire.protocol.PgServerOptions;

/**
 * A running lakepg compute: the protocol endpoint, the engine behind it and its data directory.
 * {@code lakepg start} runs one in the foreground; tests start one in-process on a free port.
 */
public final class LakepgServer implements AutoCloseable {
    private final PgServer pg;
    private final DataDirectoryLock lock;
    private final Cluster cluster;
    private final ComputeSuspender suspender;
    /** null when autovacuum = off. */
    private final org.lakepg.server.access.vacuum.AutoVacuum autovacuum;

    private LakepgServer(PgServer pg, DataDirectoryLock lock, Cluster cluster, ComputeSuspender suspender,
                         org.lakepg.server.access.vacuum.AutoVacuum autovacuum) {
        this.pg = pg;
        this.lock = lock;
        this.cluster = cluster;
        this.suspender = suspender;
        this.autovacuum = autovacuum;
    }

    public static LakepgServer start(ServerConfig config) throws InterruptedException {
        return start(config, null);
    }

    /**
     * Starts a server that, when {@code warmUpDatabase} is not null, accepts sessions of that database only until
     * {@code cluster().openToAll()} (the compute warms up on it first; every other session gets 57P03).
     */
    public static LakepgServer start(ServerConfig config, String warmUpDatabase) throws InterruptedException {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir());
        Cluster cluster = null;
        try {
            var serverSettings = new org.lakepg.server.session.SessionSettings(
                    new org.lakepg.server.session.SettingsRegistry(), config.settings());
            // each database's compute gets a buffer cache of shared_buffers 8 kB pages
            int bufferPages = (int) serverSettings.getLong("shared_buffers");
            cluster = Cluster.open(config.storage(), config.storageOptions(), config.dataDir(), bufferPages);
            if (warmUpDatabase != null) {
                cluster.startingUp(warmUpDatabase); // before the port opens: no client may slip in
            }
            Roles roles = new Roles(config.superuserPassword(), cluster.roleStorage());
            LakepgEngine engine = new LakepgEngine(roles, config.settings(), cluster);
            cluster.setRetention(java.time.Duration.ofMinutes(serverSettings.getLong("lakepg.retention")));
            cluster.setReplicaReplayInterval(java.time.Duration.ofMillis(
                    serverSettings.getLong("lakepg.replica_replay_interval")));
            java.time.Duration suspendAfter = java.time.Duration.ofSeconds(serverSettings.getLong("lakepg.suspend_timeout"));
            PgServerOptions options = PgServerOptions.of(config.listen(), config.port())
                    .withIoThreads((int) serverSettings.getLong("lakepg.io_threads"))
                    .withSessionIo(org.lakepg.wire.protocol.SessionIo.valueOf(
                            serverSettings.get("lakepg.session_io").toUpperCase(java.util.Locale.ROOT)));
            if (config.tlsCert().isPresent() && config.tlsKey().isPresent()) {
                options = options.withTls(config.tlsCert().get(), config.tlsKey().get());
            }
            PgServer pg = PgServer.start(options, engine, new HostRules(config.authRules(), roles));
            lock.recordPort(pg.address().getPort());
            return new LakepgServer(pg, lock, cluster, ComputeSuspender.start(cluster, suspendAfter),
                    AutoVacuumLauncher.start(cluster, serverSettings, engine.statistics()));
        } catch (InterruptedException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            lock.close();
            throw e;
        }
    }

    /** The databases and branches this server serves (tests look at which computes run). */
    public Cluster cluster() {
        return cluster;
    }

    /** The server's autovacuum, or null when it was started with {@code autovacuum = off}. */
    public org.lakepg.server.access.vacuum.AutoVacuum autovacuum() {
        return autovacuum;
    }

    public InetSocketAddress address() {
        return pg.address();
    }

    @Override
    public void close() {
        try {
            if (autovacuum != null) {
                autovacuum.close();
            }
            suspender.close();
            pg.close();
        } finally {
            try {
                cluster.close();
            } finally {
                lock.close();
            }
        }
    }
}
