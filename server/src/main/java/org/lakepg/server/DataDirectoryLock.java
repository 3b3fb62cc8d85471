package org.lakepg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Like PostgreSQL's postmaster.pid: one server per data directory. An OS file lock (released
 * when the process dies, so a crash leaves nothing stale) plus the pid and port for people.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "lakepg.pid";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String owner = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("?");
                throw new IllegalStateException("data directory " + dataDir + " is in use by another lakepg (pid "
                        + owner + ")");
            }
            DataDirectoryLock l = new DataDirectoryLock(file, channel, lock);
            l.write(ProcessHandle.current().pid() + "\n");
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock data directory " + dataDir, e);
        }
    }

    void recordPort(int port) {
        write(ProcessHandle.current().pid() + "\n" + port + "\n");
    }

    private void write(String content) {
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the lock dies with the channel anyway
        }
    }
}
