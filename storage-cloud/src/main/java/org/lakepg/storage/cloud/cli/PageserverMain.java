package org.lakepg.storage.cloud.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.MetricsFile;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.lakepg.storage.cloud.pageserver.PageserverConfig;
import org.lakepg.storage.cloud.pageserver.WalSourceFactory;
import org.lakepg.storage.cloud.rpc.PageserverRpcServer;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3Settings;

/**
 * {@code lakepg pageserver --port P --data DIR --s3-endpoint URL --bucket B --safekeepers LIST [--host H]
 * [--generation N] [--s3-access-key K --s3-secret-key S] [--page-cache-mb M] [--upload-interval-ms N]
 * [--checkpoint-interval-s N]}. Credentials default to AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, then to the
 * local S3Proxy's. The WAL source for {@code --safekeepers} comes from a {@link WalSourceFactory} on the class path.
 */
public final class PageserverMain {

    /** The parsed command line. */
    public record Options(String host, int port, Path data, URI s3Endpoint, String bucket, String safekeepers,
            long generation, String accessKey, String secretKey, long pageCacheMb, long uploadIntervalMs,
            long checkpointIntervalSeconds, String walProtocol) {

        public static Options parse(String... args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
                }
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    values.put(arg.substring(2, eq), arg.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
            }
            String env = System.getenv("AWS_ACCESS_KEY_ID");
            String envSecret = System.getenv("AWS_SECRET_ACCESS_KEY");
            Options o = new Options(
                    values.getOrDefault("host", "127.0.0.1"),
                    Integer.parseInt(required(values, "port")),
                    Path.of(required(values, "data")),
                    URI.create(required(values, "s3-endpoint")),
                    required(values, "bucket"),
                    values.get("safekeepers"),
                    Long.parseLong(values.getOrDefault("generation", "0")),
                    values.getOrDefault("s3-access-key", env != null ? env : "lakepg"),
                    values.getOrDefault("s3-secret-key", envSecret != null ? envSecret : "lakepg-secret"),
                    Long.parseLong(values.getOrDefault("page-cache-mb", "128")),
                    Long.parseLong(values.getOrDefault("upload-interval-ms", "1000")),
                    Long.parseLong(values.getOrDefault("checkpoint-interval-s", "30")),
                    values.getOrDefault("wal-protocol", "raft"));
            values.keySet().removeAll(java.util.Set.of("host", "port", "data", "s3-endpoint", "bucket", "safekeepers",
                    "generation", "s3-access-key", "s3-secret-key", "page-cache-mb", "upload-interval-ms", "checkpoint-interval-s", "wal-protocol"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
            }
            return o;
        }

        private static String required(Map<String, String> values, String name) {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return v;
        }

        PageserverConfig config() {
            return PageserverConfig.of(data)
                    .withGeneration(generation)
                    .withIntervals(Duration.ofMillis(uploadIntervalMs), Duration.ofSeconds(checkpointIntervalSeconds))
                    .withStoreOptions(Map.of("page_cache_size", Long.toString(pageCacheMb << 20)));
        }
    }

    /** A running pageserver with its RPC listener and S3 client; closing stops all three. */
    public record Running(Pageserver pageserver, PageserverRpcServer rpc, S3ObjectStore s3, MetricsFile metrics)
            implements AutoCloseable {
        @Override
        public void close() {
            metrics.close();
            rpc.close();
            pageserver.close();
            s3.close();
        }
    }

    /** The file in the data directory the pageserver's figures are published to every second. */
    public static final String METRICS_FILE = "pageserver-metrics.properties";

    private PageserverMain() {
    }

    /** Starts a pageserver ingesting from {@code source}. */
    public static Running start(Options options, WalService source) {
        S3ObjectStore s3 = new S3ObjectStore(S3Settings.of(options.s3Endpoint(), options.bucket(),
                options.accessKey(), options.secretKey()));
        Pageserver pageserver = null;
        try {
            pageserver = Pageserver.start(options.config(), source, s3);
            pageserver.metrics().gauge("s3_bytes_put", s3::bytesPut);
            pageserver.metrics().gauge("s3_objects_put", s3::objectsPut);
            PageserverRpcServer rpc = PageserverRpcServer.start(pageserver, options.host(), options.port());
            MetricsFile metrics = MetricsFile.start(pageserver.metrics(), options.data().resolve(METRICS_FILE),
                    "pageserver", 30);
            return new Running(pageserver, rpc, s3, metrics);
        } catch (RuntimeException e) {
            if (pageserver != null) {
                pageserver.close();
            }
            s3.close();
            throw e;
        }
    }

    /** The WAL source for {@code --safekeepers}, from the first {@link WalSourceFactory} that accepts it. */
    public static WalService walSource(String safekeepers) {
        return walSource(safekeepers, null);
    }

    /** Like {@link #walSource(String)}, speaking {@code walProtocol} (null: the default). */
    public static WalService walSource(String safekeepers, String walProtocol) {
        if (safekeepers == null) {
            throw new IllegalArgumentException("--safekeepers is required (where the pageserver reads WAL from)");
        }
        for (WalSourceFactory factory : ServiceLoader.load(WalSourceFactory.class)) {
            if (factory.accepts(safekeepers)) {
                return factory.connect(safekeepers, walProtocol);
            }
        }
        throw new IllegalArgumentException("no WAL source on the class path understands --safekeepers " + safekeepers);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        WalService source;
        try {
            options = Options.parse(args);
            source = walSource(options.safekeepers(), options.walProtocol());
        } catch (IllegalArgumentException e) {
            System.err.println("lakepg pageserver: " + e.getMessage());
            System.err.println("usage: lakepg pageserver --port P --data DIR --s3-endpoint URL --bucket B --safekeepers LIST"
                    + " [--host H] [--generation N] [--s3-access-key K] [--s3-secret-key S] [--page-cache-mb M]");
            System.exit(2);
            return;
        }
        Running running = start(options, source);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "lakepg-pageserver-shutdown"));
        System.out.println("pageserver generation " + running.pageserver().generation() + " listening on "
                + options.host() + ":" + running.rpc().port() + ", S3 " + options.s3Endpoint() + " bucket " + options.bucket());
        stopped.await();
    }
}
