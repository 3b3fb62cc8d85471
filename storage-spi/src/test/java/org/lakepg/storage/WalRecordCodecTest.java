package org.lakepg.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalRecordCodecTest {

    @Test
    void everyKindOfChangeRoundTrips() {
        Random random = new Random(7);
        byte[] image = new byte[Page.SIZE];
        random.nextBytes(image);
        Arrays.fill(image, 100, 8000, (byte) 0); // the hole between pd_lower and pd_upper
        WalRecord record = new WalRecord(List.of(
                new RelationCreate(16384, ForkNumber.MAIN),
                new FullPageImage(new PageKey(16384, ForkNumber.MAIN, 0), image),
                new PagePatch(new PageKey(-5, ForkNumber.VISIBILITY, Integer.MAX_VALUE),
                        List.of(new Patch(0, new byte[] {1, 2, 3}), new Patch(8191, new byte[] {9}))),
                new RelationTruncate(16384, ForkNumber.FSM, 3),
                new RelationDrop(77)),
                TransactionMarker.commit(1L << 40, Instant.parse("2026-11-26T06:00:00.123456Z")));

        byte[] encoded = WalRecordCodec.encode(record);
        WalRecord decoded = WalRecordCodec.decode(encoded);

        assertThat(decoded).isEqualTo(record);
        assertThat(decoded.marker().timestamp()).isEqualTo(Instant.parse("2026-11-26T06:00:00.123456Z"));
        assertThat(encoded.length).as("the zero hole is not stored").isLessThan(400);
    }

    @Test
    void allZeroAndAllNonZeroImagesRoundTrip() {
        byte[] full = new byte[Page.SIZE];
        Arrays.fill(full, (byte) 0x5A);
        for (byte[] image : List.of(new byte[Page.SIZE], full)) {
            WalRecord record = WalRecord.of(new FullPageImage(PageKey.main(1, 2), image));
            assertThat(WalRecordCodec.decode(WalRecordCodec.encode(record))).isEqualTo(record);
        }
    }

    @Test
    void markerOnlyRecordRoundTrips() {
        WalRecord record = WalRecord.marker(new TransactionMarker(5, TransactionMarker.Kind.ABORT, -3));
        assertThat(WalRecordCodec.decode(WalRecordCodec.encode(record))).isEqualTo(record);
    }

    @Test
    void truncatedOrTrailingBytesAreCorruption() {
        byte[] encoded = WalRecordCodec.encode(WalRecord.of(PagePatch.of(PageKey.main(1, 1), 10, new byte[] {1, 2})));
        for (int length = 0; length < encoded.length; length++) {
            int n = length;
            assertThatThrownBy(() -> WalRecordCodec.decode(encoded, 0, n))
                    .isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(((StorageException) e).reason()).isEqualTo(StorageException.Reason.CORRUPTED));
        }
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> WalRecordCodec.decode(longer)).isInstanceOf(StorageException.class)
                .hasMessageContaining("trailing");
    }
}
