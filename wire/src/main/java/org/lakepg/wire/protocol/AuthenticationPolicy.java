package org.lakepg.wire.protocol;

import java.net.InetSocketAddress;
import java.util.Optional;

/** Decides how a connection authenticates and where role passwords come from (implemented by the server). */
public interface AuthenticationPolicy {
    AuthMethod methodFor(InetSocketAddress remote, String user, String database);

    /** Empty when there is no such role or it has no password. */
    Optional<StoredCredential> credential(String user);
}
