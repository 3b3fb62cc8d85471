package org.lakepg.storage.cloud.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server (S3Proxy over jclouds' filesystem blob store) running in this JVM on a loopback port: what
 * tests and the local dev cluster use instead of AWS. Objects live as files under the given directory, so stopping
 * and starting it again on the same directory keeps them (which is how tests make S3 "go away for a while").
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "lakepg";
    public static final String SECRET_KEY = "lakepg-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.port = port;
    }

    /** Starts on {@code port} (0 = a free one) with objects stored under {@code dir}; returns once it accepts requests. */
    public static S3ProxyServer start(int port, Path dir) {
        BlobStoreContext context = null;
        try {
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
            context = ContextBuilder.newBuilder("filesystem")
                    .credentials(ACCESS_KEY, SECRET_KEY)
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    proxy.stop();
                    throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(2);
            }
            return new S3ProxyServer(proxy, context, proxy.getPort());
        } catch (Exception e) {
            if (context != null) {
                context.close();
            }
            throw new IllegalStateException("could not start S3Proxy on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The endpoint URL clients use (path-style). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings for an {@link S3ObjectStore} on {@code bucket} of this server. */
    public S3Settings settings(String bucket) {
        return S3Settings.of(endpoint(), bucket, ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop S3Proxy: " + e.getMessage(), e);
        } finally {
            context.close();
        }
    }

    /** {@code S3ProxyServer PORT DIR}: runs one as its own process (the local dev cluster's S3 server). */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: S3ProxyServer PORT DIR");
            System.exit(2);
        }
        S3ProxyServer server = start(Integer.parseInt(args[0]), Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("S3 endpoint " + server.endpoint() + " (access key " + ACCESS_KEY + ")");
        Thread.currentThread().join();
    }
}
