package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.storage.local.FileUtil;

/**
 * Test fixture: a quorum of real safekeepers (Ratis servers) in this JVM on free loopback ports, each with its own
 * data directory; members can be stopped and restarted on the same port and directory.
 */
public final class SafekeeperQuorum implements AutoCloseable {

    private final List<SafekeeperConfig> configs = new ArrayList<>();
    private final SafekeeperServer[] servers;

    private SafekeeperQuorum(List<SafekeeperConfig> configs) {
        this.configs.addAll(configs);
        this.servers = new SafekeeperServer[configs.size()];
    }

    /** Starts {@code size} safekeepers with data under {@code dir}. */
    public static SafekeeperQuorum start(Path dir, int size, long snapshotEveryEntries, long walSegmentSize) {
        return start(dir, size, snapshotEveryEntries, walSegmentSize, SafekeeperConfig.DEFAULT_RAFT_SEGMENT_SIZE);
    }

    public static SafekeeperQuorum start(Path dir, int size, long snapshotEveryEntries, long walSegmentSize,
            long raftSegmentSize) {
        List<SafekeeperAddress> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(new SafekeeperAddress(i + 1, "127.0.0.1", freePort()));
        }
        List<SafekeeperConfig> configs = new ArrayList<>();
        for (SafekeeperAddress m : members) {
            configs.add(new SafekeeperConfig(m.id(), m.port(), dir.resolve("sk" + m.id()), members,
                    snapshotEveryEntries, walSegmentSize, raftSegmentSize));
        }
        SafekeeperQuorum quorum = new SafekeeperQuorum(configs);
        for (int i = 0; i < size; i++) {
            quorum.restart(i);
        }
        return quorum;
    }

    public static SafekeeperQuorum start(Path dir) {
        return start(dir, 3, SafekeeperConfig.DEFAULT_SNAPSHOT_EVERY_ENTRIES, SafekeeperConfig.DEFAULT_WAL_SEGMENT_SIZE);
    }

    public List<SafekeeperAddress> addresses() {
        return configs.get(0).members();
    }

    public SafekeeperAddress address(int index) {
        return addresses().get(index);
    }

    public int size() {
        return configs.size();
    }

    public SafekeeperServer server(int index) {
        return servers[index];
    }

    public void stop(int index) {
        if (servers[index] != null) {
            servers[index].close();
            servers[index] = null;
        }
    }

    public void restart(int index) {
        stop(index);
        servers[index] = SafekeeperServer.start(configs.get(index));
    }

    /** Stops a member and deletes its data directory: it comes back with an empty disk. */
    public void wipe(int index) throws IOException {
        stop(index);
        FileUtil.deleteRecursively(configs.get(index).dataDir());
    }

    /** Bytes in a member's Raft log directory. */
    public long raftLogBytes(int index) throws IOException {
        try (var files = java.nio.file.Files.walk(configs.get(index).dataDir().resolve("raft"))) {
            return files.filter(java.nio.file.Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("log_"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.length; i++) {
            stop(i);
        }
    }

    /** A port that was free a moment ago (Ratis needs every member's port before any starts). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
