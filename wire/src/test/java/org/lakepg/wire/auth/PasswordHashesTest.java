package org.lakepg.wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.protocol.StoredCredential;

/** Our password hashes against what PostgreSQL 15.18 stored in pg_authid for the same passwords. */
class PasswordHashesTest {
    /** CREATE ROLE scram_fixture PASSWORD 's3cret-pw' on PostgreSQL 15.18. */
    private static final String PG_SCRAM = "SCRAM-SHA-256$4096:86iqU7zTvoaifrPxhBlLyA==$"
            + "p0v7DR86Uph8cq18OfhJ6yJeIVE8SwsXCD//hzHiJkI=:UOZDncBzfvOTPvxRyHLDyxwCW8XMCLcvix6Y66SG7TM=";
    /** SET password_encryption='md5'; CREATE ROLE md5_fixture PASSWORD 's3cret-pw'. */
    private static final String PG_MD5 = "md578b66b7424f23ad762ab8e9f19f94ef4";

    @Test
    void scramVerifierMatchesPostgresForTheSameSalt() {
        ScramVerifier stored = ScramVerifier.parse(PG_SCRAM);
        ScramVerifier ours = ScramVerifier.fromPassword("s3cret-pw", stored.salt(), stored.iterations());
        assertThat(ours.toString()).isEqualTo(PG_SCRAM);
        assertThat(ScramVerifier.fromPassword("other", stored.salt(), stored.iterations()).toString()).isNotEqualTo(PG_SCRAM);
    }

    @Test
    void newVerifiersUseA16ByteSaltAnd4096Iterations() {
        ScramVerifier verifier = ScramVerifier.parse(StoredCredential.scramFromPassword("pw").verifier());
        assertThat(verifier.iterations()).isEqualTo(4096);
        assertThat(verifier.salt()).hasSize(16);
        assertThat(StoredCredential.scramFromPassword("pw").verifier()).isNotEqualTo(verifier.toString());
    }

    @Test
    void md5HashMatchesPostgres() {
        assertThat(Md5Password.storedHash("md5_fixture", "s3cret-pw")).isEqualTo(PG_MD5);
        assertThat(StoredCredential.md5FromPassword("md5_fixture", "s3cret-pw").hash()).isEqualTo(PG_MD5);
    }

    @Test
    void malformedCredentialsAreRejected() {
        assertThatThrownBy(() -> new StoredCredential.Scram("SCRAM-SHA-256$x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredCredential.Md5("md5xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scramExchangeAcceptsTheRightProofAndRejectsAWrongOne() {
        ScramVerifier stored = ScramVerifier.parse(PG_SCRAM);
        assertThat(runClient(new ScramServerExchange(stored), "s3cret-pw")).startsWith("v=");
        assertThat(runClient(new ScramServerExchange(stored), "wrong")).isNull();
        assertThat(runClient(new ScramServerExchange(null), "s3cret-pw")).as("unknown role never succeeds").isNull();
    }

    @Test
    void channelBindingRequestIsAProtocolViolation() {
        ScramServerExchange exchange = new ScramServerExchange(ScramVerifier.parse(PG_SCRAM));
        assertThatThrownBy(() -> exchange.serverFirstMessage("p=tls-server-end-point,,n=,r=abc".getBytes()))
                .hasMessage("malformed SCRAM message")
                .satisfies(e -> assertThat(((org.lakepg.wire.error.PgException) e).sqlState().code()).isEqualTo("08P01"));
    }

    @Test
    void badGs2HeadersAreDescribedLikePostgres() {
        ScramServerExchange exchange = new ScramServerExchange(ScramVerifier.parse(PG_SCRAM));
        assertThatThrownBy(() -> exchange.serverFirstMessage("x,,n=,r=abc".getBytes()))
                .satisfies(e -> assertThat(((org.lakepg.wire.error.PgException) e).detail())
                        .isEqualTo("Unexpected channel-binding flag \"'x'\"."));
        assertThatThrownBy(() -> exchange.serverFirstMessage("n;,n=,r=abc".getBytes()))
                .satisfies(e -> assertThat(((org.lakepg.wire.error.PgException) e).detail())
                        .isEqualTo("Comma expected, but found character \"';'\"."));
    }

    @Test
    void channelBindingWithTheServerCertificateHash() {
        ScramVerifier stored = ScramVerifier.parse(PG_SCRAM);
        byte[] endPoint = ScramCrypto.sha256("certificate".getBytes());
        assertThat(runClient(new ScramServerExchange(stored, endPoint, true), "s3cret-pw",
                "p=tls-server-end-point,,", endPoint)).startsWith("v=");
        byte[] otherCertificate = ScramCrypto.sha256("man in the middle".getBytes());
        assertThatThrownBy(() -> runClient(new ScramServerExchange(stored, endPoint, true), "s3cret-pw",
                "p=tls-server-end-point,,", otherCertificate)).hasMessage("SCRAM channel binding check failed");
        assertThatThrownBy(() -> runClient(new ScramServerExchange(stored, endPoint, true), "s3cret-pw", "n,,", new byte[0]))
                .satisfies(e -> assertThat(((org.lakepg.wire.error.PgException) e).detail()).isEqualTo(
                        "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data."));
        assertThatThrownBy(() -> runClient(new ScramServerExchange(stored, endPoint, false), "s3cret-pw", "y,,", new byte[0]))
                .hasMessage("SCRAM channel binding negotiation error")
                .satisfies(e -> assertThat(((org.lakepg.wire.error.PgException) e).sqlState().code()).isEqualTo("28000"));
        assertThat(runClient(new ScramServerExchange(stored, endPoint, false), "s3cret-pw", "n,,", new byte[0]))
                .as("plain SCRAM over TLS stays allowed").startsWith("v=");
    }

    private static String runClient(ScramServerExchange server, String password) {
        return runClient(server, password, "n,,", new byte[0]);
    }

    /** A client side written from RFC 5802 (independent of the server code paths it checks). */
    private static String runClient(ScramServerExchange server, String password, String gs2Header, byte[] bindingData) {
        String clientFirstBare = "n=,r=clientnonce123";
        String serverFirst = server.serverFirstMessage((gs2Header + clientFirstBare).getBytes());
        String nonce = serverFirst.split(",")[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2));
        int iterations = Integer.parseInt(serverFirst.split(",")[2].substring(2));
        assertThat(nonce).startsWith("clientnonce123").hasSizeGreaterThan("clientnonce123".length());
        byte[] salted = ScramCrypto.saltedPassword(password.getBytes(), salt, iterations);
        byte[] clientKey = ScramCrypto.hmac(salted, "Client Key");
        byte[] storedKey = ScramCrypto.sha256(clientKey);
        byte[] binding = new byte[gs2Header.length() + bindingData.length];
        System.arraycopy(gs2Header.getBytes(), 0, binding, 0, gs2Header.length());
        System.arraycopy(bindingData, 0, binding, gs2Header.length(), bindingData.length);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(binding) + ",r=" + nonce;
        byte[] signature = ScramCrypto.hmac(storedKey, (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes());
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return server.serverFinalMessage((withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes());
    }
}
