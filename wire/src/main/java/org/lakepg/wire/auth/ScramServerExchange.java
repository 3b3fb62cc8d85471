package org.lakepg.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, 7677), with the tls-server-end-point
 * channel binding of SCRAM-SHA-256-PLUS over TLS (RFC 5929). The user name inside the SCRAM
 * messages is ignored, as PostgreSQL does: the startup packet's user counts.
 */
public final class ScramServerExchange {
    public static final String MECHANISM = "SCRAM-SHA-256";
    public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
    private static final String CHANNEL_BINDING_TYPE = "tls-server-end-point";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramVerifier verifier;
    /** False for a role without a usable verifier: the exchange runs to the end and then fails. */
    private final boolean verifierIsReal;
    /** The hash of our TLS certificate; null without TLS. */
    private final byte[] tlsServerEndPoint;
    private final boolean plusSelected;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /** Without TLS. */
    public ScramServerExchange(ScramVerifier verifier) {
        this(verifier, null, false);
    }

    /**
     * @param tlsServerEndPoint the certificate hash when the connection uses TLS, else null
     * @param plusSelected      the client chose SCRAM-SHA-256-PLUS
     */
    public ScramServerExchange(ScramVerifier verifier, byte[] tlsServerEndPoint, boolean plusSelected) {
        if (plusSelected && tlsServerEndPoint == null) {
            throw new IllegalArgumentException("SCRAM-SHA-256-PLUS needs TLS");
        }
        this.verifier = verifier != null ? verifier : ScramVerifier.fromPassword(randomNonce());
        this.verifierIsReal = verifier != null;
        this.tlsServerEndPoint = tlsServerEndPoint;
        this.plusSelected = plusSelected;
    }

    /** Reads client-first-message and returns server-first-message. */
    public String serverFirstMessage(byte[] clientFirstMessage) {
        String message = new String(clientFirstMessage, StandardCharsets.UTF_8);
        int afterFlag = switch (message.isEmpty() ? ' ' : message.charAt(0)) {
            case 'n' -> {
                requireNoPlus();
                yield 1;
            }
            case 'y' -> {
                requireNoPlus();
                if (tlsServerEndPoint != null) {
                    // the client would have used channel binding had it seen PLUS offered: a downgrade
                    throw PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "SCRAM channel binding negotiation error")
                            .withDetail("The client supports SCRAM channel binding but thinks the server does not.  "
                                    + "However, this server does support channel binding.")
                            .withSeverity(PgException.Severity.FATAL);
                }
                yield 1;
            }
            case 'p' -> {
                if (!plusSelected) {
                    throw malformed().withDetail("The client selected SCRAM-SHA-256 without channel binding, "
                            + "but the SCRAM message includes channel binding data.");
                }
                int comma = message.indexOf(',');
                String type = comma < 0 || !message.startsWith("p=") ? "" : message.substring(2, comma);
                if (!type.equals(CHANNEL_BINDING_TYPE)) {
                    throw PgException.of(SqlState.PROTOCOL_VIOLATION, "unsupported SCRAM channel-binding type \"%s\"", type)
                            .withSeverity(PgException.Severity.FATAL);
                }
                yield comma;
            }
            default -> throw malformed().withDetail("Unexpected channel-binding flag \"" + sanitized(message, 0) + "\".");
        };
        String bare = afterGs2Header(message, afterFlag);
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

    private void requireNoPlus() {
        if (plusSelected) {
            throw malformed().withDetail("The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not "
                    + "include channel binding data.");
        }
    }

    /** What the client must send as c=: base64 of the gs2 header plus, with PLUS, the certificate hash. */
    private String expectedChannelBinding() {
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        byte[] data = plusSelected ? tlsServerEndPoint : new byte[0];
        byte[] all = new byte[header.length + data.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(data, 0, all, header.length, data.length);
        return "c=" + Base64.getEncoder().encodeToString(all);
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
        if (!MessageDigest.isEqual(attributes[0].getBytes(StandardCharsets.UTF_8),
                expectedChannelBinding().getBytes(StandardCharsets.UTF_8))) {
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

    /** gs2-header = flag "," [authzid] ","; remembers it and returns client-first-message-bare. */
    private String afterGs2Header(String message, int afterFlag) {
        if (afterFlag >= message.length() || message.charAt(afterFlag) != ',') {
            throw malformed().withDetail("Comma expected, but found character \"" + sanitized(message, afterFlag) + "\".");
        }
        int authzid = afterFlag + 1;
        if (authzid < message.length() && message.charAt(authzid) == 'a') {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "client uses authorization identity, but it is not supported")
                    .withSeverity(PgException.Severity.FATAL);
        }
        if (authzid >= message.length() || message.charAt(authzid) != ',') {
            throw malformed().withDetail("Comma expected, but found character \"" + sanitized(message, authzid) + "\".");
        }
        gs2Header = message.substring(0, authzid + 1);
        return message.substring(authzid + 1);
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
