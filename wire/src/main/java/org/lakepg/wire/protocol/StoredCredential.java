package org.lakepg.wire.protocol;

import org.lakepg.wire.auth.Md5Password;
import org.lakepg.wire.auth.ScramVerifier;

/** A role's stored password, in one of the forms PostgreSQL keeps in pg_authid.rolpassword. */
public sealed interface StoredCredential {

    /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64 parts). */
    record Scram(String verifier) implements StoredCredential {
        public Scram {
            ScramVerifier.parse(verifier); // rejects malformed verifiers early
        }

        /** Same as {@link StoredCredential#scramFromPassword}. */
        public static Scram fromPassword(String password) {
            return scramFromPassword(password);
        }
    }

    /** {@code "md5" + md5hex(password + user)}. */
    record Md5(String hash) implements StoredCredential {
        public Md5 {
            if (hash == null || !hash.matches("md5[0-9a-f]{32}")) {
                throw new IllegalArgumentException("not an md5 password hash");
            }
        }

        /** Same as {@link StoredCredential#md5FromPassword}. */
        public static Md5 fromPassword(String user, String password) {
            return md5FromPassword(user, password);
        }
    }

    /** A SCRAM-SHA-256 verifier with a random salt and 4096 iterations, as PostgreSQL stores it. */
    static Scram scramFromPassword(String password) {
        return new Scram(ScramVerifier.fromPassword(password).toString());
    }

    /** PostgreSQL's md5 form of a password for a role. */
    static Md5 md5FromPassword(String user, String password) {
        return new Md5(Md5Password.storedHash(user, password));
    }
}
