package org.lakepg.server.auth;

import java.util.Optional;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * A role (pg_authid row): its attributes and password, kept only as a verifier, never in plain text.
 * {@code validUntil} is the VALID UNTIL text as given (null: forever).
 */
public record Role(long oid, String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
                   boolean login, boolean replication, boolean bypassRls, int connectionLimit,
                   Optional<StoredCredential> password, String validUntil) {

    /** A role with PostgreSQL's defaults for CREATE ROLE (INHERIT, no LOGIN) or CREATE USER (LOGIN). */
    public static Role withDefaults(String name, boolean login) {
        return new Role(0, name, false, true, false, false, login, false, false, -1, Optional.empty(), null);
    }

    public Role withOid(long newOid) {
        return new Role(newOid, name, superuser, inherit, createRole, createDb, login, replication, bypassRls,
                connectionLimit, password, validUntil);
    }

    public Role withName(String newName) {
        return new Role(oid, newName, superuser, inherit, createRole, createDb, login, replication, bypassRls,
                connectionLimit, password, validUntil);
    }
}
