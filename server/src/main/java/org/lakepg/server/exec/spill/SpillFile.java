package org.lakepg.server.exec.spill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** A temporary file of rows: written once, then read back in the order written, then deleted. */
public final class SpillFile {
    private static final int BUFFER = 16 * 1024;

    private final Path path;
    private final TempFiles owner;
    private final SpillCodec codec = new SpillCodec();
    private DataOutputStream out;
    private DataInputStream in;
    private long size;
    private long rows;
    private boolean deleted;

    SpillFile(Path path, TempFiles owner) {
        this.path = path;
        this.owner = owner;
        try {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
        } catch (IOException e) {
            throw ioError("could not create temporary file \"%s\": %s", e);
        }
    }

    public void write(Object[] row) {
        try {
            int bytes = codec.write(out, row);
            size += bytes;
            rows++;
            owner.grew(bytes);
        } catch (IOException e) {
            throw ioError("could not write to temporary file \"%s\": %s", e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Bytes written. */
    public long size() {
        return size;
    }

    /** Ends writing and reads the rows back from the start; the file can be read once. */
    public Iterator<Object[]> read() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
        } catch (IOException e) {
            throw ioError("could not read temporary file \"%s\": %s", e);
        }
        DataInputStream input = in;
        long total = rows;
        return new Iterator<>() {
            long read;

            @Override
            public boolean hasNext() {
                return read < total && !deleted;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    read++;
                    return codec.read(input);
                } catch (EOFException e) {
                    throw ioError("unexpected end of temporary file \"%s\": %s", e);
                } catch (IOException e) {
                    throw ioError("could not read temporary file \"%s\": %s", e);
                }
            }
        };
    }

    /** Closes and removes the file; safe to call more than once. */
    public void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // the file is removed next; a failed close leaves nothing to recover
        }
        out = null;
        in = null;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw ioError("could not delete temporary file \"%s\": %s", e);
        } finally {
            owner.deleted(this, size);
        }
    }

    private PgException ioError(String format, IOException e) {
        return PgException.of(SqlState.IO_ERROR, format, path, e.getMessage());
    }
}
