package org.lakepg.analytics.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop: parquet-java's own CodecFactory goes through Hadoop's CompressionCodec classes,
 * so SNAPPY and ZSTD pages are (de)compressed here with snappy-java and zstd-jni directly (the same libraries
 * parquet-java would end up calling).
 */
public final class PageCodecs implements CompressionCodecFactory {

    public static final PageCodecs INSTANCE = new PageCodecs();

    private PageCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new Codec(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Codec(codec);
    }

    @Override
    public void release() {
    }

    private record Codec(CompressionCodecName name) implements BytesInputCompressor, BytesInputDecompressor {

        Codec {
            switch (name) {
                case UNCOMPRESSED, SNAPPY, ZSTD -> { }
                default -> throw new UnsupportedOperationException("Parquet codec " + name + " is not supported");
            }
        }

        @Override
        public BytesInput compress(BytesInput input) throws IOException {
            return switch (name) {
                case SNAPPY -> BytesInput.from(Snappy.compress(input.toByteArray()));
                case ZSTD -> BytesInput.from(Zstd.compress(input.toByteArray(), 3));
                default -> input;
            };
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public BytesInput decompress(BytesInput input, int uncompressedSize) throws IOException {
            return switch (name) {
                case SNAPPY -> {
                    byte[] out = new byte[uncompressedSize];
                    ByteBuffer in = input.toByteBuffer();
                    if (in.hasArray()) { // the page as read from the file: no copy before decompressing
                        Snappy.uncompress(in.array(), in.arrayOffset() + in.position(), in.remaining(), out, 0);
                    } else {
                        byte[] copy = input.toByteArray();
                        Snappy.uncompress(copy, 0, copy.length, out, 0);
                    }
                    yield BytesInput.from(out);
                }
                case ZSTD -> BytesInput.from(Zstd.decompress(input.toByteArray(), uncompressedSize));
                default -> input;
            };
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {
        }
    }
}
