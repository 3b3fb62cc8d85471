package org.lakepg.wire.protocol.testengine;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.lakepg.wire.protocol.AuthMethod;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * TEST-ONLY users: {@code scram_user}, {@code md5_user}, {@code password_user} (cleartext against a
 * SCRAM verifier) all with password {@value #PASSWORD}; {@code rejected} is refused; anyone else is trusted.
 */
public final class TestAuthentication implements AuthenticationPolicy {
    public static final String PASSWORD = "s3cret-pw";

    private final Map<String, StoredCredential> credentials = Map.of(
            "scram_user", StoredCredential.scramFromPassword(PASSWORD),
            "md5_user", StoredCredential.md5FromPassword("md5_user", PASSWORD),
            "password_user", StoredCredential.scramFromPassword(PASSWORD));

    @Override
    public AuthMethod methodFor(InetSocketAddress remote, String user, String database) {
        return switch (user) {
            case "scram_user", "nobody_scram" -> AuthMethod.SCRAM_SHA_256;
            case "md5_user" -> AuthMethod.MD5;
            case "password_user" -> AuthMethod.PASSWORD;
            case "rejected" -> AuthMethod.REJECT;
            default -> AuthMethod.TRUST;
        };
    }

    @Override
    public Optional<StoredCredential> credential(String user) {
        return Optional.ofNullable(credentials.get(user));
    }
}
