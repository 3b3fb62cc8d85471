package org.lakepg.storage.cloud.proposer;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;

/** Three proposer-protocol safekeepers in this JVM on loopback, each stoppable and restartable on its port. */
public final class AcceptorTrio implements AutoCloseable {

    private final Path dir;
    private final List<SafekeeperAddress> addresses = new ArrayList<>();
    private final AcceptorServer[] servers = new AcceptorServer[3];

    private AcceptorTrio(Path dir) {
        this.dir = dir;
    }

    public static AcceptorTrio start(Path dir) throws Exception {
        AcceptorTrio trio = new AcceptorTrio(dir);
        for (int i = 0; i < 3; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                trio.addresses.add(new SafekeeperAddress(i + 1, "127.0.0.1", s.getLocalPort()));
            }
        }
        for (int i = 0; i < 3; i++) {
            trio.restart(i);
        }
        return trio;
    }

    public List<SafekeeperAddress> addresses() {
        return addresses;
    }

    public SafekeeperAddress address(int i) {
        return addresses.get(i);
    }

    /** Stops member {@code i} (its connections drop; its files stay). */
    public void stop(int i) {
        if (servers[i] != null) {
            servers[i].close();
            servers[i] = null;
        }
    }

    public void restart(int i) {
        stop(i);
        servers[i] = AcceptorServer.start(dir.resolve("sk" + (i + 1)), 1L << 20, "127.0.0.1", addresses.get(i).port());
    }

    /** Member {@code i}'s acceptor (null while it is stopped). */
    public Acceptor acceptor(int i) {
        return servers[i] == null ? null : servers[i].acceptor();
    }

    /** Member {@code i}'s state of the timeline (null: unknown there, or the member is stopped). */
    public AcceptorReply.State state(int i, TimelineId t) {
        return servers[i] == null ? null : servers[i].acceptor().state(t);
    }

    @Override
    public void close() {
        for (int i = 0; i < 3; i++) {
            stop(i);
        }
    }
}
