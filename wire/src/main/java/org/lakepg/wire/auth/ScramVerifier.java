package org.lakepg.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed SCRAM-SHA-256 verifier (RFC 5802/7677), stored the way pg_authid stores it. */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    private static final Pattern FORMAT = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ScramVerifier parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramVerifier(Integer.parseInt(m.group(1)), b64.decode(m.group(2)), b64.decode(m.group(3)),
                b64.decode(m.group(4)));
    }

    public static ScramVerifier fromPassword(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return fromPassword(password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier fromPassword(String password, byte[] salt, int iterations) {
        byte[] salted = ScramCrypto.saltedPassword(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
        return new ScramVerifier(iterations, salt.clone(), ScramCrypto.sha256(clientKey),
                ScramCrypto.hmac(salted, "Server Key"));
    }

    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }
}
