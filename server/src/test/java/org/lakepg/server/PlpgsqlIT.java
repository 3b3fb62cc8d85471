package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;

/**
 * PL/pgSQL and triggers through pgjdbc against a real server: RAISE levels arriving as NoticeResponses in order,
 * trigger cascades across tables, EXCEPTION blocks undoing only their own work, errors with SQLSTATE and hint,
 * functions called through the extended protocol, and runaway trigger recursion stopped.
 */
class PlpgsqlIT {
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("plpgsql");
        url = server.url();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> notices(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            String severity = w instanceof PSQLWarning p ? p.getServerErrorMessage().getSeverity() : "?";
            out.add(severity + ": " + w.getMessage());
        }
        return out;
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void raiseLevelsArriveAsNoticesInOrder() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN RAISE DEBUG 'hidden'; RAISE NOTICE 'n %', 1; RAISE INFO 'i'; "
                    + "RAISE WARNING 'w % %', 'a', null; RAISE LOG 'also hidden'; END $$");
            assertThat(notices(s)).containsExactly("NOTICE: n 1", "INFO: i", "WARNING: w a <NULL>");
        }
    }

    @Test
    void triggersCascadeAcrossTables() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cas_orders(id int primary key, qty int)");
            s.execute("CREATE TABLE cas_audit(order_id int, qty int)");
            s.execute("CREATE TABLE cas_totals(total int)");
            s.execute("INSERT INTO cas_totals VALUES (0)");
            s.execute("CREATE FUNCTION cas_audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO cas_audit VALUES (NEW.id, NEW.qty); RETURN NULL; END $$");
            s.execute("CREATE FUNCTION cas_total_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "UPDATE cas_totals SET total = total + NEW.qty; RAISE NOTICE 'audited % (%)', NEW.order_id, TG_OP; "
                    + "RETURN NEW; END $$");
            s.execute("CREATE TRIGGER cas_a AFTER INSERT ON cas_orders FOR EACH ROW EXECUTE FUNCTION cas_audit_fn()");
            s.execute("CREATE TRIGGER cas_b BEFORE INSERT ON cas_audit FOR EACH ROW EXECUTE FUNCTION cas_total_fn()");
            s.execute("INSERT INTO cas_orders VALUES (1, 5), (2, 7)");
            assertThat(notices(s)).containsExactly("NOTICE: audited 1 (INSERT)", "NOTICE: audited 2 (INSERT)");
            assertThat(rows(s, "SELECT * FROM cas_audit ORDER BY order_id")).containsExactly("1|5", "2|7");
            assertThat(rows(s, "SELECT total FROM cas_totals")).containsExactly("12");
        }
    }

    @Test
    void exceptionBlockUndoesOnlyItsOwnWork() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE exc_t(id int primary key)");
            s.execute("DO $$ BEGIN INSERT INTO exc_t VALUES (1); BEGIN INSERT INTO exc_t VALUES (2); "
                    + "INSERT INTO exc_t VALUES (1); EXCEPTION WHEN unique_violation THEN "
                    + "RAISE NOTICE 'caught %', SQLSTATE; END; INSERT INTO exc_t VALUES (3); END $$");
            assertThat(notices(s)).containsExactly("NOTICE: caught 23505");
            assertThat(rows(s, "SELECT id FROM exc_t ORDER BY id")).containsExactly("1", "3");
        }
    }

    @Test
    void raisedErrorCarriesStateAndHint() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DO $$ BEGIN RAISE EXCEPTION 'bad %', 7 USING ERRCODE = 'check_violation', "
                    + "HINT = 'fix it', DETAIL = 'more'; END $$"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23514");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("bad 7");
                        assertThat(e.getServerErrorMessage().getHint()).isEqualTo("fix it");
                        assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("more");
                    });
        }
    }

    @Test
    void functionsRunThroughTheExtendedProtocol() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION ext_fib(n int) RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE a bigint := 0; "
                    + "b bigint := 1; t bigint; BEGIN FOR i IN 1..n LOOP t := a + b; a := b; b := t; END LOOP; RETURN a; END $$");
            try (PreparedStatement p = c.prepareStatement("SELECT ext_fib(?)")) {
                for (int[] pair : new int[][] {{10, 55}, {50, 0}}) {
                    p.setInt(1, pair[0]);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        if (pair[0] == 10) {
                            assertThat(r.getLong(1)).isEqualTo(55);
                        } else {
                            assertThat(r.getLong(1)).isEqualTo(12586269025L);
                        }
                    }
                }
            }
        }
    }

    @Test
    void runawayTriggerRecursionIsStopped() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rec_t(n int)");
            s.execute("CREATE FUNCTION rec_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO rec_t VALUES (NEW.n + 1); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER rec_trg AFTER INSERT ON rec_t FOR EACH ROW EXECUTE FUNCTION rec_fn()");
            assertThatThrownBy(() -> s.execute("INSERT INTO rec_t VALUES (1)"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("54001"));
            assertThat(rows(s, "SELECT count(*) FROM rec_t")).containsExactly("0");
        }
    }
}
