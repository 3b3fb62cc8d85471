package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.wire.protocol.testengine.TestAuthentication;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** Logins over real sockets with pgjdbc: SCRAM-SHA-256, md5, cleartext, reject, and TLS. */
class AuthenticationIT {
    @TempDir
    static Path tempDir;
    private static WireTestServer server;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates certificates = TestCertificates.create(tempDir);
        server = WireTestServer.withTls(certificates.certificate, certificates.key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void scramLoginWithTheRightPassword() throws SQLException {
        assertLoginWorks("scram_user", TestAuthentication.PASSWORD);
    }

    @Test
    void md5LoginWithTheRightPassword() throws SQLException {
        assertLoginWorks("md5_user", TestAuthentication.PASSWORD);
    }

    @Test
    void cleartextLoginChecksAgainstAScramVerifier() throws SQLException {
        assertLoginWorks("password_user", TestAuthentication.PASSWORD);
    }

    @Test
    void wrongPasswordsFailWith28P01ForEveryMethod() {
        for (String user : new String[] {"scram_user", "md5_user", "password_user", "nobody_scram"}) {
            assertThatThrownBy(() -> server.connect(user, "wrong", "").close())
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getServerErrorMessage().getSeverity()).isEqualTo("FATAL");
                        assertThat(e.getServerErrorMessage().getMessage())
                                .isEqualTo("password authentication failed for user \"" + user + "\"");
                    });
        }
    }

    @Test
    void rejectedUserGets28000() {
        assertThatThrownBy(() -> server.connect("rejected", null, "").close())
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(
                            "no pg_hba.conf entry for host \"127.0.0.1\", user \"rejected\", database \"test\", no encryption");
                });
    }

    @Test
    void sslModeRequireEncryptsAndScramStillWorks() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "scram_user");
        properties.setProperty("password", TestAuthentication.PASSWORD);
        properties.setProperty("sslmode", "require");
        try (Connection c = DriverManager.getConnection(server.url(""), properties);
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(c.unwrap(PGConnection.class)).isNotNull();
        }
    }

    @Test
    void channelBindingRequiredUsesScramSha256Plus() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "scram_user");
        properties.setProperty("password", TestAuthentication.PASSWORD);
        properties.setProperty("sslmode", "require");
        properties.setProperty("channelBinding", "require");
        try (Connection c = DriverManager.getConnection(server.url(""), properties);
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
        properties.setProperty("password", "wrong");
        assertThatThrownBy(() -> DriverManager.getConnection(server.url(""), properties).close())
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void rejectionMessageNamesSslWhenEncrypted() {
        Properties properties = new Properties();
        properties.setProperty("user", "rejected");
        properties.setProperty("sslmode", "require");
        assertThatThrownBy(() -> DriverManager.getConnection(server.url(""), properties).close())
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getServerErrorMessage().getMessage())
                        .endsWith("database \"test\", SSL encryption"));
    }

    @Test
    void plainConnectionsStillWorkWhenTlsIsConfigured() throws SQLException {
        assertLoginWorks("trusted", null);
    }

    private static void assertLoginWorks(String user, String password) throws SQLException {
        try (Connection c = server.connect(user, password, ""); ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
