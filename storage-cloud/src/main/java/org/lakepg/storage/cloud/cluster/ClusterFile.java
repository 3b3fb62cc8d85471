package org.lakepg.storage.cloud.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.lakepg.storage.cloud.wal.WalProtocol;

/**
 * {@code D/cluster.properties}: the ports a local cluster listens on (kept, so a restart on the same directory gets
 * the same addresses — the safekeepers' Raft group remembers its members' addresses) and the pid and start time of
 * each process it started (so stop ends exactly those, never a process that reused a pid).
 */
public final class ClusterFile {

    public static final String NAME = "cluster.properties";

    private final Path file;
    private final Properties values = new Properties();

    private ClusterFile(Path file) {
        this.file = file;
    }

    public static ClusterFile in(Path dir) {
        ClusterFile f = new ClusterFile(dir.resolve(NAME));
        if (Files.exists(f.file)) {
            try (Reader in = Files.newBufferedReader(f.file)) {
                f.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.file, e);
            }
        }
        return f;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public synchronized Optional<Integer> port(String service) {
        return Optional.ofNullable(values.getProperty(service + ".port")).map(Integer::parseInt);
    }

    public synchronized void setPort(String service, int port) {
        values.setProperty(service + ".port", Integer.toString(port));
    }

    /** The cluster's {@code --wal-protocol}, if one was recorded. */
    public synchronized Optional<String> walProtocol() {
        return Optional.ofNullable(values.getProperty("wal_protocol"));
    }

    public synchronized void setWalProtocol(WalProtocol protocol) {
        values.setProperty("wal_protocol", protocol.flagValue());
    }

    /** The process recorded for the service, if it is still the same process (same pid and start time). */
    public synchronized Optional<ProcessHandle> process(String service) {
        String pid = values.getProperty(service + ".pid");
        String started = values.getProperty(service + ".started");
        if (pid == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                .filter(p -> started == null || p.info().startInstant()
                        .map(i -> Long.toString(i.toEpochMilli()).equals(started)).orElse(true));
    }

    public synchronized Optional<Long> pid(String service) {
        return Optional.ofNullable(values.getProperty(service + ".pid")).map(Long::parseLong);
    }

    public synchronized void setProcess(String service, ProcessHandle process) {
        values.setProperty(service + ".pid", Long.toString(process.pid()));
        process.info().startInstant().ifPresentOrElse(
                i -> values.setProperty(service + ".started", Long.toString(i.toEpochMilli())),
                () -> values.remove(service + ".started"));
    }

    public synchronized void clearProcess(String service) {
        values.remove(service + ".pid");
        values.remove(service + ".started");
    }

    /** Writes the file whole (temp file + rename), so a reader never sees half of it. */
    public synchronized void save() {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Properties sorted = new Properties() {
                @Override
                public synchronized java.util.Set<java.util.Map.Entry<Object, Object>> entrySet() {
                    return java.util.Collections.synchronizedSet(
                            new java.util.LinkedHashSet<>(new TreeMap<>(values).entrySet()));
                }
            };
            try (Writer out = Files.newBufferedWriter(tmp)) {
                sorted.store(out, "lakepg cluster: ports and processes (written by lakepg cluster start)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
