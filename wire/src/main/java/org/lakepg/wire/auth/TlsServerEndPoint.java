package org.lakepg.wire.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The tls-server-end-point channel binding data (RFC 5929): the hash of the server certificate,
 * with SHA-256 standing in for MD5 and SHA-1 signature hashes.
 */
public final class TlsServerEndPoint {
    private TlsServerEndPoint() {
    }

    public static byte[] of(X509Certificate certificate) {
        String signature = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String digest = signature.startsWith("SHA384") ? "SHA-384" : signature.startsWith("SHA512") ? "SHA-512" : "SHA-256";
        try {
            return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the server certificate", e);
        }
    }
}
