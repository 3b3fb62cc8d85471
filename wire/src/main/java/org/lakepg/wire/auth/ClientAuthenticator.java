package org.lakepg.wire.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.AuthMethod;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * Runs the authentication exchange a connection's method asks for (PostgreSQL's auth.c). Roles
 * without a usable password go through the same exchange and fail the same way, so a client cannot
 * tell a missing role from a wrong password.
 */
public final class ClientAuthenticator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConversation conversation;

    public ClientAuthenticator(AuthConversation conversation) {
        this.conversation = conversation;
    }

    /** Returns normally when the client proved who it is; otherwise throws a FATAL PgException. */
    public void authenticate(AuthMethod method, String user, Optional<StoredCredential> credential,
                             String rejectionMessage) {
        boolean ok = switch (method) {
            case TRUST -> true;
            case REJECT -> throw PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "%s", rejectionMessage)
                    .withSeverity(PgException.Severity.FATAL);
            case PASSWORD -> cleartext(user, credential);
            case MD5 -> credential.orElse(null) instanceof StoredCredential.Scram scram
                    ? scram(scram) : md5(credential.orElse(null));
            case SCRAM_SHA_256 -> scram(credential.orElse(null) instanceof StoredCredential.Scram s ? s : null);
        };
        if (!ok) {
            throw PgException.of(SqlState.INVALID_PASSWORD, "password authentication failed for user \"%s\"", user)
                    .withSeverity(PgException.Severity.FATAL);
        }
    }

    private boolean cleartext(String user, Optional<StoredCredential> credential) {
        conversation.requestCleartextPassword();
        String password = passwordString(conversation.receive("password response"));
        return switch (credential.orElse(null)) {
            case null -> false;
            case StoredCredential.Md5 md5 -> constantTimeEquals(Md5Password.storedHash(user, password), md5.hash());
            case StoredCredential.Scram scram -> {
                ScramVerifier stored = ScramVerifier.parse(scram.verifier());
                ScramVerifier computed = ScramVerifier.fromPassword(password, stored.salt(), stored.iterations());
                yield MessageDigest.isEqual(computed.storedKey(), stored.storedKey());
            }
        };
    }

    private boolean md5(StoredCredential credential) {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        conversation.requestMd5Password(salt);
        String response = passwordString(conversation.receive("password response"));
        return credential instanceof StoredCredential.Md5 md5
                && constantTimeEquals(Md5Password.expectedResponse(md5.hash(), salt), response);
    }

    private boolean scram(StoredCredential.Scram credential) {
        byte[] endPoint = conversation.tlsServerEndPoint();
        // over TLS PostgreSQL offers the channel-bound variant first
        List<String> mechanisms = endPoint != null
                ? List.of(ScramServerExchange.MECHANISM_PLUS, ScramServerExchange.MECHANISM)
                : List.of(ScramServerExchange.MECHANISM);
        conversation.requestSasl(mechanisms);
        byte[] body = conversation.receive("SASL response");
        String mechanism = mechanism(body, mechanisms);
        ScramServerExchange exchange = new ScramServerExchange(
                credential == null ? null : ScramVerifier.parse(credential.verifier()), endPoint,
                mechanism.equals(ScramServerExchange.MECHANISM_PLUS));
        byte[] clientFirst = initialResponse(body);
        conversation.saslContinue(exchange.serverFirstMessage(clientFirst).getBytes(StandardCharsets.UTF_8));
        String serverFinal = exchange.serverFinalMessage(conversation.receive("SASL response"));
        if (serverFinal == null) {
            return false;
        }
        conversation.saslFinal(serverFinal.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The mechanism a SASLInitialResponse names; it must be one we offered. */
    private static String mechanism(byte[] body, List<String> offered) {
        int nul = indexOfZero(body);
        String mechanism = nul < 0 ? null : new String(body, 0, nul, StandardCharsets.UTF_8);
        if (!offered.contains(mechanism)) {
            throw protocolViolation("client selected an invalid SASL authentication mechanism");
        }
        return mechanism;
    }

    /** SASLInitialResponse: mechanism name, then the length-prefixed client-first-message. */
    private static byte[] initialResponse(byte[] body) {
        int nul = indexOfZero(body);
        ByteBuffer rest = ByteBuffer.wrap(body, nul + 1, body.length - nul - 1);
        if (rest.remaining() < 4) {
            throw protocolViolation("insufficient data left in message");
        }
        int length = rest.getInt();
        if (length < 0 || length != rest.remaining()) {
            throw protocolViolation(length < 0 ? "insufficient data left in message" : "invalid message format");
        }
        byte[] data = new byte[length];
        rest.get(data);
        return data;
    }

    private static String passwordString(byte[] body) {
        int nul = indexOfZero(body);
        if (nul != body.length - 1) {
            throw protocolViolation("invalid password packet size");
        }
        return new String(body, 0, nul, StandardCharsets.UTF_8);
    }

    private static int indexOfZero(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static PgException protocolViolation(String message) {
        return PgException.of(SqlState.PROTOCOL_VIOLATION, "%s", message).withSeverity(PgException.Severity.FATAL);
    }
}
