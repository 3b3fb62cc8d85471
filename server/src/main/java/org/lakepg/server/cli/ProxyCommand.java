package org.lakepg.server.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.lakepg.server.proxy.ProcessComputeLauncher;
import org.lakepg.server.proxy.ProxyServer;

/**
 * {@code lakepg proxy}: the serverless front door. Connections to it wake the compute (a separate
 * {@code lakepg start} process) and the compute is stopped after {@code --suspend-timeout} seconds without
 * connections. Arguments after {@code --} go to every compute it starts.
 */
final class ProxyCommand {
    private ProxyCommand() {
    }

    static final String USAGE = """
            usage: lakepg proxy [--port 5432] [--listen 127.0.0.1] [--data ./lakepg-data] [--suspend-timeout 300]
                                [--tls-cert server.crt --tls-key server.key] [-- compute options ...]
              Starts the compute (lakepg start) on the first connection and stops it when idle; with --tls-cert and
              --tls-key clients may use TLS (sslmode=require), which ends at the proxy.""";

    private static boolean cloudStorage(List<String> computeArgs) {
        for (int i = 0; i < computeArgs.size(); i++) {
            if (computeArgs.get(i).equals("--storage=cloud")
                    || computeArgs.get(i).equals("--storage") && i + 1 < computeArgs.size()
                    && computeArgs.get(i + 1).equals("cloud")) {
                return true;
            }
        }
        return false;
    }

    static int run(List<String> args) {
        int port = 5432;
        String listen = "127.0.0.1";
        Path data = Path.of("lakepg-data");
        long suspendSeconds = 300;
        Path tlsCert = null;
        Path tlsKey = null;
        List<String> computeArgs = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--port" -> port = Integer.parseInt(args.get(++i));
                    case "--listen" -> listen = args.get(++i);
                    case "--data" -> data = Path.of(args.get(++i));
                    case "--suspend-timeout" -> suspendSeconds = Long.parseLong(args.get(++i));
                    case "--tls-cert" -> tlsCert = Path.of(args.get(++i));
                    case "--tls-key" -> tlsKey = Path.of(args.get(++i));
                    case "--" -> {
                        computeArgs.addAll(args.subList(i + 1, args.size()));
                        i = args.size();
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("lakepg: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            System.err.println("lakepg: --tls-cert and --tls-key go together");
            return 2;
        }
        javax.net.ssl.SSLContext tls;
        try {
            tls = tlsCert == null ? null : org.lakepg.server.proxy.ProxyTls.fromPem(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            System.err.println("lakepg: " + e.getMessage());
            return 1;
        }
        List<String> compute = new ArrayList<>(List.of("--data", data.toString()));
        compute.addAll(computeArgs);
        ProxyServer proxy;
        try {
            // embedded storage: one compute process opens the data directory and serves every endpoint; cloud
            // storage: a compute per endpoint, each with a small data directory of its own under D/endpoints
            boolean cloud = cloudStorage(computeArgs);
            var launcher = new ProcessComputeLauncher(ProcessComputeLauncher.thisJvm(), compute,
                    data.toAbsolutePath().resolveSibling(data.getFileName() + "-logs"), !cloud, true,
                    cloud ? data.toAbsolutePath().resolve("endpoints") : null);
            launcher.prepareSpare();
            proxy = ProxyServer.start(InetAddress.getByName(listen), port, launcher, Duration.ofSeconds(suspendSeconds),
                    tls);
        } catch (java.io.IOException e) {
            System.err.println("lakepg: could not start the proxy: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "lakepg-proxy-shutdown"));
        var address = proxy.address();
        System.out.printf("lakepg proxy listening on %s:%d (computes start on connect, stop after %d s idle)"
                + " - connect with: psql -h %s -p %d -U postgres%n", address.getHostString(), address.getPort(),
                suspendSeconds, address.getHostString(), address.getPort());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
