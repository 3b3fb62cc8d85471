package org.lakepg.server.auth;

import java.util.Optional;
import org.lakepg.wire.protocol.StoredCredential;

/** A role that may log in; the password is kept only as a verifier, never in plain text. */
public record Role(String name, boolean superuser, Optional<StoredCredential> password) {
}
