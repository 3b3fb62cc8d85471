package org.lakepg.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.InMemoryObjectStore;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.VersionedTable;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.storage.Lsn;

class BackgroundMaterializerTest {

    @Test
    void followsCommitsAndReportsStatusUntilClosed() throws Exception {
        RandomData data = new RandomData(77);
        VersionedTable table = new VersionedTable("t", data.allTypesSchema(0));
        for (int i = 0; i < 20; i++) {
            table.randomCommit(data, 20);
        }
        AtomicReference<Lsn> latest = new AtomicReference<>(table.currentLsn());
        TableSnapshots snapshots = new TableSnapshots(new InMemoryObjectStore(), "t/");
        BackgroundMaterializer background = new BackgroundMaterializer(0.5, latest::get);
        try {
            background.register(table, new Materializer(snapshots, 4, ParquetWriteOptions.defaults()));
            assertThat(background.awaitMaterialized("t", latest.get(), Duration.ofSeconds(60))).isTrue();
            assertThat(snapshots.latest().orElseThrow().lsn()).isEqualTo(latest.get());
            assertThat(background.status()).singleElement()
                    .satisfies(s -> assertThat(s.lagBytes()).isZero())
                    .satisfies(s -> assertThat(s.lastError()).isNull());

            for (int i = 0; i < 5; i++) {
                table.randomCommit(data, 20);
            }
            latest.set(table.currentLsn());
            assertThat(background.status().get(0).lagBytes()).isPositive();
            background.wake();
            assertThat(background.awaitMaterialized("t", latest.get(), Duration.ofSeconds(60))).isTrue();
            assertThat(snapshots.versions()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(SnapshotTest.sorted(SnapshotTest.fresh(snapshots, table, latest.get(), null)))
                    .isEqualTo(SnapshotTest.sorted(table.rowsAt(latest.get())));
        } finally {
            background.close();
        }
        assertThat(background.status().get(0).refreshes()).isGreaterThanOrEqualTo(2);
    }
}
