package org.lakepg.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The server side of one SCRAM-SHA-256 exchange without channel binding (RFC 5802). The user name
 * inside the SCRAM messages is ignored, as PostgreSQL does: the startup packet's user counts.
 */
public final class ScramServerExchange {
    public static final String MECHANISM = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramVerifier verifier;
    /** False for a role without a usable verifier: the exchange runs to the end and then fails. */
    private final boolean verifierIsReal;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    public ScramServerExchange(ScramVerifier verifier) {
        this.verifier = verifier != null ? verifier : ScramVerifier.fromPassword(randomNonce());
        this.verifierIsReal = verifier != null;
    }

    /** Reads client-first-message and returns server-first-message. */
    public String serverFirstMessage(byte[] clientFirstMessage) {
        String message = new String(clientFirstMessage, StandardCharsets.UTF_8);
        String bare = switch (message.isEmpty() ? ' ' : message.charAt(0)) {
            case 'n', 'y' -> afterGs2Header(message);
            case 'p' -> throw malformed().withDetail("The client selected SCRAM-SHA-256 without channel binding, "
                    + "but the SCRAM message includes channel binding data.");
            default -> throw malformed().withDetail("Unexpected channel-binding flag \"" + sanitized(message, 0) + "\".");
        };
        String clientNonce = null;
        for (String attribute : bare.split(",")) {
            if (attribute.startsWith("r=")) {
                clientNonce = attribute.substring(2);
            } else if (attribute.startsWith("m=")) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "client requires an unsupported SCRAM extension")
                        .withSeverity(PgException.Severity.FATAL);
            }
        }
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw malformed().withDetail("Could not find nonce in client-first-message.");
        }
        clientFirstBare = bare;
        nonce = clientNonce + randomNonce();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
                + verifier.iterations();
        return serverFirst;
    }

    /** Checks client-final-message; returns server-final-message, or null when the proof is wrong. */
    public String serverFinalMessage(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw new IllegalStateException("server-first-message not sent");
        }
        String message = new String(clientFinalMessage, StandardCharsets.UTF_8);
        int proofAt = message.lastIndexOf(",p=");
        if (!message.startsWith("c=") || proofAt < 0) {
            throw malformed().withDetail("Malformed client-final-message.");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",");
        if (!attributes[0].equals("c=biws") && !attributes[0].equals("c=eSws")) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                    "SCRAM channel binding check failed").withSeverity(PgException.Severity.FATAL);
        }
        if (attributes.length < 2 || !attributes[1].equals("r=" + nonce)) {
            throw malformed().withDetail("Nonce does not match.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw malformed().withDetail("Malformed proof in client-final-message.");
        }
        if (proof.length != 32) {
            throw malformed().withDetail("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramCrypto.hmac(verifier.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean ok = MessageDigest.isEqual(ScramCrypto.sha256(clientKey), verifier.storedKey());
        if (!ok || !verifierIsReal) {
            return null;
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramCrypto.hmac(verifier.serverKey(), authMessage));
    }

    private static String afterGs2Header(String message) {
        // gs2-header = flag "," [authzid] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (first != 1 || second < 0) {
            throw malformed().withDetail("Comma expected, but found character \""
                    + sanitized(message, 1) + "\".");
        }
        if (second != 2) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "client uses authorization identity, but it is not supported")
                    .withSeverity(PgException.Severity.FATAL);
        }
        return message.substring(3);
    }

    /** PostgreSQL's sanitize_char: 'c' for a printable character, else its hex code. */
    private static String sanitized(String message, int index) {
        if (index >= message.length()) {
            return "0x00";
        }
        char c = message.charAt(index);
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("0x%02x", (int) c);
    }

    private static PgException malformed() {
        return PgException.of(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message")
                .withSeverity(PgException.Severity.FATAL);
    }

    private static String randomNonce() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
