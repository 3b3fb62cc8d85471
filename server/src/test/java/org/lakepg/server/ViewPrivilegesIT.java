package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.ScramServers.config;
import static org.lakepg.server.ScramServers.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * Privileges through automatically updatable views, as PostgreSQL 15 checks them (answers taken from it): the view
 * for the current role on the view columns written and read, the relation under it for the view's owner on the
 * columns they map to; SELECT ... FOR UPDATE/SHARE needs UPDATE (on the relation or a column) of each locked
 * relation, a view's relations for its owner.
 */
class ViewPrivilegesIT {

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void denied(Connection c, String sql, String relation) {
        assertThatThrownBy(() -> run(c, sql)).isInstanceOf(PSQLException.class)
                .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for " + relation);
    }

    @Test
    void columnPrivilegesThroughViews(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role owner1 login password 'pw'");
                run(admin, "create role app login password 'pw'");
                run(admin, "grant create on schema public to owner1, app");
            }
            try (Connection owner = connect(server, "owner1", "pw")) {
                run(owner, "create table base_tbl (a int, b text, c float)");
                run(owner, "insert into base_tbl values (1, 'Row 1', 1.0)");
                run(owner, "create view rw_view1 as select b as bb, c as cc, a as aa from base_tbl");
                run(owner, "grant select on base_tbl, rw_view1 to app");
                run(owner, "grant update (a, c) on base_tbl to app");
                run(owner, "grant update (bb, cc) on rw_view1 to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                run(app, "create view rw_view2 as select b as bb, c as cc, a as aa from base_tbl");
                run(app, "update rw_view1 set bb = bb, cc = cc");
                denied(app, "update rw_view1 set aa = aa", "view rw_view1");
                run(app, "update rw_view2 set aa = aa, cc = cc");
                denied(app, "update rw_view2 set bb = bb", "table base_tbl");
                run(app, "update rw_view1 set cc = 1 where aa = 1");
                assertThat(one(app, "update rw_view1 set cc = 2 returning aa")).isEqualTo("1");
                denied(app, "delete from rw_view1", "view rw_view1");
                denied(app, "insert into rw_view1 (cc) values (1)", "view rw_view1");
            }
            try (Connection owner = connect(server, "owner1", "pw")) {
                run(owner, "revoke select on rw_view1 from app");
                run(owner, "grant select (cc) on rw_view1 to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                // SET cc = cc reads cc, WHERE and RETURNING read what they name
                run(app, "update rw_view1 set cc = cc");
                denied(app, "update rw_view1 set cc = cc where aa = 1", "view rw_view1");
                denied(app, "update rw_view1 set bb = bb", "view rw_view1");
                assertThat(one(app, "update rw_view1 set cc = 3 returning cc")).isEqualTo("3");
                denied(app, "update rw_view1 set cc = 1 returning *", "view rw_view1");
            }
        }
    }

    @Test
    void lockingNeedsUpdate(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role owner1 login password 'pw'");
                run(admin, "create role app login password 'pw'");
                run(admin, "grant create on schema public to owner1, app");
                run(admin, "create table base_tbl (a int, b text, c float)");
                run(admin, "insert into base_tbl values (1, 'Row 1', 1.0)");
                run(admin, "create table other (a int)");
                run(admin, "insert into other values (1)");
                run(admin, "grant select on base_tbl, other to owner1, app");
            }
            try (Connection owner = connect(server, "owner1", "pw")) {
                run(owner, "create view rw_view1 as select * from base_tbl");
                assertThat(one(owner, "select b from rw_view1")).isEqualTo("Row 1");
                denied(owner, "select * from rw_view1 for update", "table base_tbl");
                run(owner, "grant select on rw_view1 to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                run(app, "create view rw_view2 as select * from rw_view1");
                denied(app, "select * from base_tbl for share", "table base_tbl");
                denied(app, "select * from other, base_tbl for update of other", "table other");
                denied(app, "select * from rw_view2 for update", "view rw_view1");
                denied(app, "select * from (select * from base_tbl) s for update", "table base_tbl");
            }
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "grant update (c) on base_tbl to owner1, app");
            }
            try (Connection owner = connect(server, "owner1", "pw")) {
                // UPDATE on one column is enough to lock
                assertThat(one(owner, "select b from rw_view1 for update")).isEqualTo("Row 1");
                run(owner, "grant update on rw_view1 to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                assertThat(one(app, "select b from rw_view2 for update")).isEqualTo("Row 1");
                assertThat(one(app, "select b from base_tbl, other for update of base_tbl")).isEqualTo("Row 1");
                denied(app, "select * from base_tbl, other for update", "table other");
            }
        }
    }
}
