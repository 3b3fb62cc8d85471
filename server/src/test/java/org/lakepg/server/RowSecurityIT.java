package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.util.PSQLException;

/** Row-level security seen by two roles over pgjdbc: what each may read, change and insert. */
class RowSecurityIT {
    private static LakepgServer server;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
        try (Connection c = connect("postgres")) {
            run(c, "create role rs_alice", "create role rs_bob",
                    "create table rs_notes (id int primary key, author text, note text)",
                    "grant all on rs_notes to rs_alice, rs_bob",
                    "insert into rs_notes values (1, 'rs_alice', 'a'), (2, 'rs_bob', 'b'), (3, 'rs_alice', 'c')",
                    "alter table rs_notes enable row level security",
                    "create policy mine on rs_notes using (author = current_user)",
                    "create policy short_notes on rs_notes as restrictive for insert with check (length(note) < 5)");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A session acting as {@code role} (SET ROLE: the roles need no login set up). */
    private static Connection connect(String role) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
        if (!role.equals("postgres")) {
            run(c, "set role " + role);
        }
        return c;
    }

    @Test
    void eachRoleSeesAndChangesOnlyItsOwnRows() throws Exception {
        try (Connection alice = connect("rs_alice"); Connection bob = connect("rs_bob")) {
            assertThat(rows(alice, "select id from rs_notes order by id")).containsExactly("1", "3");
            assertThat(rows(bob, "select id from rs_notes order by id")).containsExactly("2");
            try (var st = bob.createStatement()) {
                assertThat(st.executeUpdate("update rs_notes set note = note || '!'")).isEqualTo(1);
                assertThat(st.executeUpdate("delete from rs_notes where id = 1")).isZero();
            }
            assertThatThrownBy(() -> run(bob, "update rs_notes set author = 'rs_alice' where id = 2"))
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("new row violates row-level security policy for table \"rs_notes\"");
            assertThatThrownBy(() -> run(alice, "insert into rs_notes values (4, 'rs_alice', 'too long')"))
                    .hasMessageContaining("new row violates row-level security policy \"short_notes\" for table \"rs_notes\"");
            assertThatThrownBy(() -> run(alice, "insert into rs_notes values (4, 'rs_bob', 'x')"))
                    .hasMessageContaining("new row violates row-level security policy for table \"rs_notes\"");
        }
        try (Connection owner = connect("postgres")) {
            // the owner (here a superuser) is not subject to the policies
            assertThat(rows(owner, "select id, note from rs_notes order by id")).containsExactly("1|a", "2|b!", "3|c");
            assertThat(rows(owner, "select policyname, cmd, permissive from pg_policies order by 1"))
                    .containsExactly("mine|ALL|PERMISSIVE", "short_notes|INSERT|RESTRICTIVE");
        }
    }
}
