package org.lakepg.analytics.parquet;

import java.io.ByteArrayInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over an object's bytes (ObjectStore gets are whole objects). */
public final class InMemoryInputFile implements InputFile {

    private final byte[] data;

    public InMemoryInputFile(byte[] data) {
        this.data = data;
    }

    @Override
    public long getLength() {
        return data.length;
    }

    @Override
    public SeekableInputStream newStream() {
        Positioned in = new Positioned(data);
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long newPos) {
                in.seek(newPos);
            }
        };
    }

    /** ByteArrayInputStream already tracks its position; this only exposes it. */
    private static final class Positioned extends ByteArrayInputStream {
        Positioned(byte[] data) {
            super(data);
        }

        long position() {
            return pos;
        }

        void seek(long newPos) {
            if (newPos < 0 || newPos > count) {
                throw new IllegalArgumentException("seek to " + newPos + " outside a file of " + count + " bytes");
            }
            pos = (int) newPos;
        }
    }
}
