package org.lakepg.server.exec.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The directory where operators spill (PostgreSQL's base/pgsql_tmp): one per data directory, emptied when the server
 * starts, since files left there belong to statements of a process that is gone.
 */
public final class TempFileSpace {
    /** The directory's name under the data directory, as in PostgreSQL. */
    public static final String DIRECTORY = "pgsql_tmp";

    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile TempFileSpace fallback;

    private final Path directory;

    private TempFileSpace(Path directory) {
        this.directory = directory;
    }

    /** The space of a data directory, deleting what an earlier process left in it. */
    public static TempFileSpace open(Path dataDirectory) {
        TempFileSpace space = new TempFileSpace(dataDirectory.resolve(DIRECTORY));
        space.clear();
        return space;
    }

    /** For statements run without a server (unit tests, tools): a directory of this process under java.io.tmpdir. */
    public static TempFileSpace processDefault() {
        TempFileSpace space = fallback;
        if (space == null) {
            synchronized (TempFileSpace.class) {
                if (fallback == null) {
                    fallback = new TempFileSpace(Path.of(System.getProperty("java.io.tmpdir"),
                            "lakepg_tmp" + ProcessHandle.current().pid()));
                    fallback.directory.toFile().deleteOnExit();
                }
                space = fallback;
            }
        }
        return space;
    }

    public Path directory() {
        return directory;
    }

    /** A new file name, unique in this process (PostgreSQL's pgsql_tmpPID.N). */
    Path newFile() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create temporary file directory " + directory, e);
        }
        return directory.resolve(DIRECTORY + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet());
    }

    /** Deletes every file in the directory. */
    void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty temporary file directory " + directory, e);
        }
    }

    /** How many files the directory holds now (tests check nothing is left behind). */
    public long fileCount() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
