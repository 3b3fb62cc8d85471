package org.lakepg.storage.cloud.pageserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.junit.jupiter.api.Test;

class TimelineManifestTest {

    @Test
    void roundTripsAndKeysCarryTheGeneration() {
        TimelineId parent = TimelineId.random();
        Timeline t = new Timeline(TimelineId.random(), parent, Lsn.parse("0/16B3748"), "feature x", Instant.parse("2026-11-26T09:00:00.123456Z"));
        String key = RemoteLayout.layerKey(t.id(), "delta-0000000000000000-0000000000000040.layer", 7);
        assertThat(key).isEqualTo("pageserver/timelines/" + t.id() + "/layers/delta-0000000000000000-0000000000000040.layer-00000007");
        TimelineManifest m = new TimelineManifest(t, 7, Lsn.of(0x40), Lsn.of(0x20),
                List.of(new TimelineManifest.RemoteLayer("delta-0000000000000000-0000000000000040.layer", key, 1234)),
                new byte[] {1, 2, 3, 0, -1});
        TimelineManifest back = TimelineManifest.decode("k", m.encode());
        assertThat(back.timeline()).isEqualTo(t);
        assertThat(back.generation()).isEqualTo(7);
        assertThat(back.consistentLsn()).isEqualTo(Lsn.of(0x40));
        assertThat(back.gcCutoff()).isEqualTo(Lsn.of(0x20));
        assertThat(back.layers()).isEqualTo(m.layers());
        assertThat(back.checkpointFile()).containsExactly(1, 2, 3, 0, -1);
        assertThat(new String(m.encode(), StandardCharsets.UTF_8)).contains("ancestor_timeline_id=" + parent, "consistent_lsn=0/40");

        String manifestKey = RemoteLayout.manifestKey(t.id(), 7);
        assertThat(RemoteLayout.isManifest(manifestKey)).isTrue();
        assertThat(RemoteLayout.isManifest(key)).isFalse();
        assertThat(RemoteLayout.generationOf(manifestKey)).isEqualTo(7);
        assertThat(RemoteLayout.generationOf(key)).isEqualTo(7);
        assertThat(RemoteLayout.timelineOf(key)).contains(t.id());
        assertThat(RemoteLayout.timelineOf("pageserver/timelines/nope/x")).isEmpty();
    }

    @Test
    void aDamagedManifestIsReportedAsCorrupt() {
        assertThatThrownBy(() -> TimelineManifest.decode("pageserver/timelines/x/index-00000001",
                "format=1\ntimeline_id=zz\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("index-00000001")
                .extracting(e -> ((StorageException) e).reason()).isEqualTo(StorageException.Reason.CORRUPTED);
    }
}
