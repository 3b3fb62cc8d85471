package org.lakepg.server.proxy;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/** The proxy's TLS server context from the same PEM files the compute takes (--tls-cert, --tls-key). */
public final class ProxyTls {
    private ProxyTls() {
    }

    /** @throws IllegalArgumentException when the files cannot be read as a PEM certificate chain and PKCS#8 key */
    public static SSLContext fromPem(Path certificate, Path key) {
        try {
            // Netty reads PEM; its JDK provider hands out a plain SSLContext for the proxy's blocking sockets
            var context = SslContextBuilder.forServer(certificate.toFile(), key.toFile()).sslProvider(SslProvider.JDK)
                    .build();
            return ((JdkSslContext) context).context();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use " + certificate + " and " + key + " for TLS: "
                    + e.getMessage(), e);
        }
    }
}
