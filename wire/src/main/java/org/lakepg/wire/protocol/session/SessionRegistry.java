package org.lakepg.wire.protocol.session;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The live connections of one server: all of them (for shutdown) and by process id (for CancelRequest). */
public final class SessionRegistry {
    private final Set<SessionWorker> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Integer, SessionWorker> byProcessId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger nextProcessId = new AtomicInteger(1000 + new SecureRandom().nextInt(30000));

    void track(SessionWorker connection) {
        connections.add(connection);
    }

    void untrack(SessionWorker connection) {
        connections.remove(connection);
    }

    /** Registers an authenticated session under a new process id. */
    int register(SessionWorker session) {
        while (true) {
            int processId = nextProcessId.getAndIncrement() & 0x3FFFFFFF;
            if (processId != 0 && byProcessId.putIfAbsent(processId, session) == null) {
                return processId;
            }
        }
    }

    int newSecretKey() {
        return random.nextInt();
    }

    void unregister(int processId, SessionWorker session) {
        byProcessId.remove(processId, session);
    }

    /** A CancelRequest: a wrong key is ignored without a word, as PostgreSQL does. */
    void cancel(int processId, int secretKey) {
        SessionWorker session = byProcessId.get(processId);
        if (session != null && MessageDigest.isEqual(bytes(secretKey), bytes(session.secretKey()))) {
            session.cancelRunningStatement();
        }
    }

    /** Every open connection, authenticated or not. */
    public List<SessionWorker> connections() {
        return List.copyOf(connections);
    }

    public int connectionCount() {
        return connections.size();
    }

    private static byte[] bytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
