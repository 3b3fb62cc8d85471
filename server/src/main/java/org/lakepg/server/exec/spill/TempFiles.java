package org.lakepg.server.exec.spill;

import java.util.LinkedHashSet;
import java.util.Set;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The spill files of one statement: where they go, how much they may hold together (temp_file_limit), and
 * which are still open, so that the end of the statement (success, error or cancel) deletes every one.
 */
public final class TempFiles implements AutoCloseable {
    private final TempFileSpace space;
    private final long limitKb;
    private final Set<SpillFile> open = new LinkedHashSet<>();
    private long bytes;
    private long peakBytes;

    /** @param limitKb temp_file_limit in kB, -1 for none */
    public TempFiles(TempFileSpace space, long limitKb) {
        this.space = space;
        this.limitKb = limitKb;
    }

    /** A new, empty spill file; it is deleted by its own {@link SpillFile#delete()} or when this closes. */
    public synchronized SpillFile create() {
        SpillFile file = new SpillFile(space.newFile(), this);
        open.add(file);
        return file;
    }

    /** Counts bytes a spill file wrote; fails as PostgreSQL does once the statement's files pass the limit. */
    synchronized void grew(long more) {
        bytes += more;
        peakBytes = Math.max(peakBytes, bytes);
        if (limitKb >= 0 && bytes > limitKb * 1024) {
            throw PgException.of(SqlState.CONFIGURATION_LIMIT_EXCEEDED,
                    "temporary file size exceeds temp_file_limit (%dkB)", limitKb);
        }
    }

    synchronized void deleted(SpillFile file, long size) {
        if (open.remove(file)) {
            bytes -= size;
        }
    }

    /** Bytes the statement's spill files hold now. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Deletes every file still open (the statement ended). */
    @Override
    public void close() {
        SpillFile[] files;
        synchronized (this) {
            files = open.toArray(SpillFile[]::new);
        }
        for (SpillFile f : files) {
            f.delete();
        }
    }
}
