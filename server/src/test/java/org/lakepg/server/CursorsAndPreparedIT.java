package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cursors, SQL prepared statements and MERGE through pgjdbc's extended protocol (Parse/Bind/Describe/Execute), as
 * applications send them: FETCH and MOVE counts, WITH HOLD across COMMIT, EXECUTE with parameters, MERGE's count.
 */
class CursorsAndPreparedIT {
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("cursors");
        url = server.url();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (server != null) {
            server.close();
        }
    }

    private static List<Integer> ints(PreparedStatement statement) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    @Test
    void fetchAndMoveThroughAScrollCursor() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("declare ext_c scroll cursor for select g from generate_series(1, 10) g");
            try (PreparedStatement next3 = c.prepareStatement("fetch 3 from ext_c");
                 PreparedStatement prior = c.prepareStatement("fetch prior from ext_c");
                 PreparedStatement last = c.prepareStatement("fetch last from ext_c")) {
                assertThat(ints(next3)).containsExactly(1, 2, 3);
                assertThat(ints(prior)).containsExactly(2);
                assertThat(s.executeUpdate("move forward 4 in ext_c")).isEqualTo(4);
                assertThat(ints(next3)).containsExactly(7, 8, 9);
                assertThat(ints(last)).containsExactly(10);
                assertThat(ints(next3)).isEmpty();
            }
            c.commit();
            assertThatThrownBy(() -> s.execute("fetch 1 from ext_c")).hasMessageContaining("cursor \"ext_c\" does not exist");
        }
    }

    @Test
    void aHeldCursorOutlivesItsTransaction() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create table ext_held (k int)");
            s.execute("insert into ext_held select g from generate_series(1, 5) g");
            c.setAutoCommit(false);
            s.execute("declare ext_h cursor with hold for select k from ext_held order by k");
            try (PreparedStatement two = c.prepareStatement("fetch 2 from ext_h")) {
                assertThat(ints(two)).containsExactly(1, 2);
                c.commit();
                s.execute("delete from ext_held"); // the held cursor keeps what it read at commit
                c.commit();
                assertThat(ints(two)).containsExactly(3, 4);
                assertThat(ints(two)).containsExactly(5);
            }
            try (ResultSet rs = s.executeQuery("select name, is_holdable from pg_cursors")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ext_h");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            s.execute("close ext_h");
            c.commit();
        }
    }

    @Test
    void executeOfASqlPreparedStatementTakesParameters() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("prepare ext_p(int, text) as select $1 * 2, $2 || '!'");
            try (PreparedStatement execute = c.prepareStatement("execute ext_p(?, ?)")) {
                execute.setInt(1, 21);
                execute.setString(2, "hi");
                try (ResultSet rs = execute.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                    assertThat(rs.getString(2)).isEqualTo("hi!");
                }
            }
            try (ResultSet rs = s.executeQuery("select parameter_types::text, from_sql from pg_prepared_statements")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("{integer,text}");
            }
            s.execute("deallocate ext_p");
            assertThatThrownBy(() -> s.execute("execute ext_p(1, 'x')"))
                    .hasMessageContaining("prepared statement \"ext_p\" does not exist");
        }
    }

    @Test
    void mergeWithParametersCountsItsRows() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create table ext_m (id int primary key, v text)");
            s.execute("insert into ext_m values (1, 'a')");
            try (PreparedStatement merge = c.prepareStatement("merge into ext_m t using (values (?, ?), (?, ?)) s(id, v) "
                    + "on t.id = s.id when matched then update set v = s.v when not matched then insert values (s.id, s.v)")) {
                merge.setInt(1, 1);
                merge.setString(2, "one");
                merge.setInt(3, 2);
                merge.setString(4, "two");
                assertThat(merge.executeUpdate()).isEqualTo(2);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id || '=' || v from ext_m order by id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            assertThat(rows).containsExactly("1=one", "2=two");
        }
    }
}
