package org.lakepg.storage.cloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.local.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, the WAL source found through ServiceLoader, a pageserver reachable on its port. */
class PageserverMainIT {

    @TempDir
    Path dir;

    @Test
    void optionsAreCheckedAndNamedInErrors() {
        assertThatThrownBy(() -> PageserverMain.Options.parse("--port", "1", "--data", "d", "--bucket", "b"))
                .hasMessage("--s3-endpoint is required");
        assertThatThrownBy(() -> PageserverMain.Options.parse("--port", "1", "--data", "d", "--bucket", "b",
                "--s3-endpoint", "http://x", "--colour", "red")).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> PageserverMain.walSource(null)).hasMessageContaining("--safekeepers is required");
        assertThatThrownBy(() -> PageserverMain.walSource("10.0.0.1:7000")).hasMessageContaining("no WAL source");
        PageserverMain.Options o = PageserverMain.Options.parse("--port=0", "--data", "d", "--bucket", "b",
                "--s3-endpoint", "http://127.0.0.1:9000", "--safekeepers", "in-process:x", "--generation", "5");
        assertThat(o.generation()).isEqualTo(5);
        assertThat(o.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void startsAPageserverThatServesTheSourcesWal() {
        try (S3ProxyServer s3 = S3ProxyServer.start(0, dir.resolve("s3"));
             LocalStorage source = LocalStorage.open(new StorageConfig(dir.resolve("source"), Map.of("background", "false")))) {
            InProcessWalSource.SOURCES.put("main-it", source.wal());
            PageserverMain.Options options = PageserverMain.Options.parse("--port", "0", "--data", dir.resolve("ps").toString(),
                    "--s3-endpoint", s3.endpoint().toString(), "--bucket", "cluster", "--safekeepers", "in-process:main-it",
                    "--generation", "3", "--s3-access-key", S3ProxyServer.ACCESS_KEY, "--s3-secret-key", S3ProxyServer.SECRET_KEY);
            try (PageserverMain.Running running = PageserverMain.start(options, PageserverMain.walSource(options.safekeepers()));
                 PageserverClient client = PageserverClient.connect("127.0.0.1:" + running.rpc().port())) {
                Timeline t = source.timelines().createTimeline("main");
                client.createTimeline(t.id(), "main");
                Lsn lsn = source.wal().append(t.id(), WalRecord.of(PagePatch.of(PageKey.main(9, 1), 100, new byte[] {42})));
                assertThat(client.getPage(t.id(), PageKey.main(9, 1), lsn)[100]).isEqualTo((byte) 42);
                assertThat(running.pageserver().generation()).isEqualTo(3);
                assertThat(running.s3().list("pageserver/timelines/" + t.id() + "/")).contains(
                        "pageserver/timelines/" + t.id() + "/index-00000003");
            } finally {
                InProcessWalSource.SOURCES.remove("main-it");
            }
        }
    }
}
