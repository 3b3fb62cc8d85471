package org.lakepg.storage.cloud.safekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecord;

class SafekeeperCodecTest {

    private final TimelineId timeline = TimelineId.parse("0123456789abcdef0123456789abcdef");

    @Test
    void requestsSurviveTheRoundTrip() {
        List<SafekeeperRequest> requests = List.of(
                new SafekeeperRequest.Acquire(timeline, 0, Lsn.parse("0/16B3748")),
                new SafekeeperRequest.Trim(timeline, Lsn.of(123456)),
                new SafekeeperRequest.Delete(timeline),
                new SafekeeperRequest.Read(timeline, Lsn.of(99), 4096),
                new SafekeeperRequest.Status(timeline),
                new SafekeeperRequest.Manifest(),
                new SafekeeperRequest.Nudge());
        for (SafekeeperRequest r : requests) {
            assertThat(decode(SafekeeperCodec.encode(r))).isEqualTo(r);
        }
    }

    @Test
    void appendKeepsPayloadBytesExactly() {
        byte[] a = {1, 2, 3};
        byte[] b = new byte[70_000];
        Arrays.fill(b, (byte) 7);
        SafekeeperRequest.Append append = new SafekeeperRequest.Append(timeline, 3, Lsn.of(800), List.of(a, b));
        SafekeeperRequest.Append decoded = (SafekeeperRequest.Append) decode(SafekeeperCodec.encode(append));
        assertThat(decoded.timeline()).isEqualTo(timeline);
        assertThat(decoded.generation()).isEqualTo(3);
        assertThat(decoded.startLsn()).isEqualTo(Lsn.of(800));
        assertThat(decoded.payloads()).hasSize(2);
        assertThat(decoded.payloads().get(0)).isEqualTo(a);
        assertThat(decoded.payloads().get(1)).isEqualTo(b);
    }

    @Test
    void repliesSurviveTheRoundTrip() {
        WalRecord patch = WalRecord.of(PagePatch.of(PageKey.main(5, 9), 10, new byte[] {4, 5}));
        WalRecord commit = WalRecord.marker(TransactionMarker.commit(77, java.time.Instant.parse("2026-11-26T09:00:00Z")));
        List<SafekeeperReply> replies = List.of(
                new SafekeeperReply.TimelineState(4, Lsn.of(10), Lsn.of(2000), Lsn.of(1500)),
                new SafekeeperReply.Appended(Lsn.of(4242)),
                SafekeeperReply.Records.of(List.of(new WalEntry(Lsn.of(40), patch), new WalEntry(Lsn.of(70), commit)), Lsn.of(90)),
                new SafekeeperReply.Rejected(SafekeeperReply.Why.FENCED, "generation 1 is fenced — übernommen"),
                new SafekeeperReply.Manifest(3, 1234, List.of(new SafekeeperReply.TimelineSummary(timeline,
                        new SafekeeperReply.TimelineState(2, Lsn.INVALID, Lsn.of(999), Lsn.of(500))))));
        for (SafekeeperReply r : replies) {
            assertThat(SafekeeperCodec.decodeReply(new ByteArrayInputStream(SafekeeperCodec.encode(r)))).isEqualTo(r);
        }
    }

    @Test
    void truncatedOrUnknownMessagesAreCorrupt() {
        byte[] whole = SafekeeperCodec.encode(new SafekeeperRequest.Acquire(timeline, 1, Lsn.INVALID));
        assertThatThrownBy(() -> decode(Arrays.copyOf(whole, whole.length - 1)))
                .isInstanceOf(StorageException.class).hasMessageContaining("truncated");
        byte[] unknown = whole.clone();
        unknown[0] = 99;
        assertThatThrownBy(() -> decode(unknown)).isInstanceOf(StorageException.class).hasMessageContaining("tag 99");
    }

    private static SafekeeperRequest decode(byte[] bytes) {
        return SafekeeperCodec.decodeRequest(new ByteArrayInputStream(bytes));
    }
}
