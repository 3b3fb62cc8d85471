package org.lakepg.server.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * The roles of the cluster. Until roles live in the catalog (pg_authid), the bootstrap superuser
 * {@code postgres} is the only one; its password comes from the server's configuration.
 */
public final class Roles {
    public static final String BOOTSTRAP_SUPERUSER = "postgres";

    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    public Roles(Optional<String> superuserPassword) {
        roles.put(BOOTSTRAP_SUPERUSER, new Role(BOOTSTRAP_SUPERUSER, true,
                superuserPassword.map(StoredCredential::scramFromPassword)));
    }

    public Optional<Role> find(String name) {
        return Optional.ofNullable(roles.get(name));
    }
}
