package org.lakepg.server.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The serverless front door: accepts PostgreSQL connections, reads the startup packet to learn the endpoint
 * (database, or database@branch), wakes that endpoint's compute if it is suspended, and then relays bytes both ways
 * untouched (authentication, queries, COPY: all between client and compute). Cancel requests go to the compute
 * whose backend key they carry. Computes without connections for the suspend timeout are stopped.
 */
public final class ProxyServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProxyServer.class);

    private final ServerSocket listener;
    private final Endpoints endpoints;
    private volatile javax.net.ssl.SSLContext tls;
    private final Map<Integer, InetSocketAddress> backendsByPid = new ConcurrentHashMap<>();
    private final ScheduledExecutorService suspender;
    private final Thread acceptor;

    private ProxyServer(ServerSocket listener, Endpoints endpoints) {
        this.listener = listener;
        this.endpoints = endpoints;
        this.suspender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakepg-proxy-suspender");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "lakepg-proxy-accept");
    }

    public static ProxyServer start(InetAddress host, int port, ComputeLauncher launcher, Duration suspendAfter)
            throws IOException {
        return start(host, port, launcher, suspendAfter, null);
    }

    /** @param tls when not null, SSLRequests are accepted and TLS ends at the proxy (computes are on loopback) */
    public static ProxyServer start(InetAddress host, int port, ComputeLauncher launcher, Duration suspendAfter,
                                    javax.net.ssl.SSLContext tls) throws IOException {
        ServerSocket listener = new ServerSocket(port, 128, host);
        ProxyServer proxy = new ProxyServer(listener, new Endpoints(launcher, suspendAfter));
        proxy.tls = tls;
        long every = Math.max(100, Math.min(1000, suspendAfter.toMillis() / 4));
        proxy.suspender.scheduleWithFixedDelay(proxy::suspendIdle, every, every, TimeUnit.MILLISECONDS);
        proxy.acceptor.start();
        return proxy;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Whether the compute serving {@code endpoint} runs now (false: suspended or never started). */
    public boolean computeRunning(String endpoint) {
        return endpoints.running(endpoint);
    }

    /** How many times a compute was started (woken) since the proxy started. */
    public long wakeUps() {
        return endpoints.wakeUps();
    }

    private void suspendIdle() {
        try {
            endpoints.suspendIdle();
        } catch (RuntimeException e) {
            LOG.warn("suspending idle computes failed", e);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Thread.ofVirtual().name("proxy-" + client.getPort()).start(() -> serve(client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("accept failed", e);
                }
            }
        }
    }

    private void serve(Socket accepted) {
        String endpoint = null;
        Socket compute = null;
        Socket client = accepted;
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            OutputStream out = client.getOutputStream();
            StartupPacket first = StartupPacket.read(in);
            while (first.code() == StartupPacket.SSL || first.code() == StartupPacket.GSSENC) {
                if (first.code() == StartupPacket.SSL && tls != null && !(client instanceof javax.net.ssl.SSLSocket)) {
                    out.write('S');
                    out.flush();
                    client = startTls(client);
                    in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                    out = client.getOutputStream();
                } else {
                    out.write('N');
                    out.flush();
                }
                first = StartupPacket.read(in);
            }
            if (first.code() == StartupPacket.CANCEL) {
                forwardCancel(first);
                return;
            }
            if (first.code() != StartupPacket.PROTOCOL_3) {
                fatal(out, "0A000", "unsupported frontend protocol " + (first.code() >>> 16) + "." + (first.code() & 0xffff));
                return;
            }
            // the compute authenticates and shows the real client, not the proxy (honoured from loopback only)
            first = first.withParameter(org.lakepg.wire.protocol.codec.StartupCodes.PROXIED_CLIENT,
                    accepted.getInetAddress().getHostAddress() + " " + accepted.getPort());
            endpoint = first.endpoint();
            InetSocketAddress address;
            try {
                address = endpoints.acquire(endpoint);
            } catch (IOException e) {
                endpoint = null;
                fatal(out, "57P03", "could not start the compute: " + e.getMessage());
                return;
            }
            compute = new Socket(address.getAddress(), address.getPort());
            compute.setTcpNoDelay(true);
            compute.getOutputStream().write(first.bytes());
            compute.getOutputStream().flush();
            Socket backend = compute;
            Socket front = client;
            Thread toClient = Thread.ofVirtual().start(() -> relayToClient(backend, front, address));
            in.transferTo(compute.getOutputStream()); // client -> compute until the client closes
            compute.shutdownOutput();
            toClient.join();
        } catch (IOException e) {
            LOG.debug("proxied connection ended: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(compute);
            closeQuietly(client);
            closeQuietly(accepted);
            if (endpoint != null) {
                endpoints.release(endpoint);
            }
        }
    }

    /** compute -> client; the messages before the first ReadyForQuery are read to learn the backend key. */
    private void relayToClient(Socket compute, Socket client, InetSocketAddress address) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(compute.getInputStream()));
            OutputStream out = client.getOutputStream();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = new byte[length - 4];
                in.readFully(body);
                out.write(type);
                out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                out.write(body);
                out.flush(); // the handshake is a dialogue (authentication): nothing may wait in a buffer
                if (type == 'K' && body.length >= 8) {
                    int pid = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                    backendsByPid.put(pid, address);
                }
                if (type == 'Z' || type == 'E') {
                    break;
                }
            }
            in.transferTo(out);
        } catch (IOException e) {
            LOG.debug("compute side ended: {}", e.getMessage());
        } finally {
            closeQuietly(client); // the compute closed: so does the client's connection
        }
    }

    /** The TLS handshake on an accepted connection, the proxy acting as the server. */
    private Socket startTls(Socket plain) throws IOException {
        javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        return secure;
    }

    private void forwardCancel(StartupPacket cancel) {
        InetSocketAddress backend = backendsByPid.get(cancel.cancelProcessId());
        if (backend == null) {
            return; // as PostgreSQL: an unknown key is ignored silently
        }
        try (Socket s = new Socket(backend.getAddress(), backend.getPort())) {
            s.getOutputStream().write(cancel.bytes());
            s.getOutputStream().flush();
        } catch (IOException e) {
            LOG.debug("cancel forwarding failed: {}", e.getMessage());
        }
    }

    /** An ErrorResponse (FATAL) the way a PostgreSQL server sends one before closing. */
    private static void fatal(OutputStream out, String sqlState, String message) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"S", "FATAL"}, {"V", "FATAL"}, {"C", sqlState}, {"M", message}}) {
            body.write(field[0].charAt(0));
            body.write(field[1].getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        int length = body.size() + 4;
        out.write('E');
        out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        body.writeTo(out);
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        suspender.shutdownNow();
        endpoints.stopAll();
    }
}
