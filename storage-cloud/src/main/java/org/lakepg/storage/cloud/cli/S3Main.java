package org.lakepg.storage.cloud.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.lakepg.storage.cloud.s3.S3ProxyServer;

/**
 * {@code lakepg s3 --port P --data DIR}: a real S3 API server (S3Proxy over a filesystem directory) on 127.0.0.1,
 * for the local dev cluster; any S3-compatible endpoint works in its place. Prints the endpoint once it listens.
 */
public final class S3Main {

    private static final String USAGE = "usage: lakepg s3 --port P --data DIR   (port 0: a free one)";

    private S3Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Integer port = null;
        Path data = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                    arg = arg.substring(0, arg.indexOf('='));
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                switch (arg) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--data" -> data = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (port == null || data == null) {
                throw new IllegalArgumentException("--port and --data are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("lakepg s3: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        S3ProxyServer server = S3ProxyServer.start(port, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lakepg-s3-shutdown"));
        System.out.println("S3 endpoint " + server.endpoint() + " (access key " + S3ProxyServer.ACCESS_KEY
                + ", data " + data.toAbsolutePath() + ")");
        System.out.flush();
        stopped.await();
    }
}
