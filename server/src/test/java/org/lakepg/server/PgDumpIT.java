package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;

/** PostgreSQL 15's own pg_dump against the server, and LOCK TABLE, which pg_dump takes on every table it dumps. */
class PgDumpIT {
    @TempDir
    static Path scratch;

    private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
    private static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");
    private static LakepgServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LakepgServer.start(ServerConfig.parse(
                List.of("--port", "0", "--data", scratch.resolve("data").toString()), Map.of()));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pgd_dept (id serial PRIMARY KEY, name text NOT NULL UNIQUE,"
                    + " budget numeric(10,2) DEFAULT 0 CHECK (budget >= 0))");
            s.execute("CREATE TABLE pgd_emp (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " dept_id int REFERENCES pgd_dept(id), name varchar(40))");
            s.execute("CREATE INDEX pgd_emp_name_idx ON pgd_emp(name)");
            s.execute("CREATE SEQUENCE pgd_seq START 5");
            s.execute("COMMENT ON TABLE pgd_dept IS 'departments'");
            s.execute("CREATE ROLE pgd_reader");
            s.execute("GRANT SELECT ON pgd_emp TO pgd_reader");
            s.execute("INSERT INTO pgd_dept(name, budget) VALUES ('a', 10), ('b', 20)");
            s.execute("INSERT INTO pgd_emp(dept_id, name) VALUES (1, 'x'), (2, 'y')");
            // a view over a table of another schema, calling a user function: restored from pg_get_viewdef under
            // pg_dump's empty search_path, so every name in it must come out qualified
            s.execute("CREATE SCHEMA pgd_other");
            s.execute("CREATE TABLE pgd_other.pgd_item (id int, price numeric)");
            s.execute("INSERT INTO pgd_other.pgd_item VALUES (1, 2.5), (2, 4)");
            s.execute("CREATE FUNCTION pgd_twice(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'");
            s.execute("SET search_path = pgd_other, public");
            s.execute("CREATE VIEW public.pgd_item_view AS SELECT id, pgd_twice(price) AS doubled FROM pgd_item"
                    + " WHERE price > 1");
            s.execute("RESET search_path");
            // a rule whose action names a table of its own schema: pg_get_ruledef qualifies it for the empty path
            s.execute("CREATE TABLE pgd_log (name text)");
            s.execute("CREATE RULE pgd_dept_log AS ON INSERT TO pgd_dept DO ALSO INSERT INTO pgd_log VALUES (new.name)");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres", "postgres", "");
    }

    @Test
    void plainDumpHasTablesDataConstraintsAndGrants() throws Exception {
        assumeTrue(Files.isExecutable(PG_DUMP), "pg_dump 15 is not installed");
        Path out = scratch.resolve("dump.sql");
        Path err = scratch.resolve("dump.err");
        Process p = new ProcessBuilder(PG_DUMP.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(server.address().getPort()), "-U", "postgres", "postgres")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pg_dump did not finish");
        }
        assertThat(Files.readString(err)).isEmpty();
        assertThat(p.exitValue()).isZero();
        String dump = Files.readString(out);
        assertThat(dump).contains("CREATE TABLE public.pgd_dept (", "CREATE TABLE public.pgd_emp (",
                "CONSTRAINT pgd_dept_budget_check CHECK ((budget >= (0)::numeric))",
                "COPY public.pgd_dept (id, name, budget) FROM stdin;\n1\ta\t10.00\n2\tb\t20.00\n\\.",
                "COPY public.pgd_emp (id, dept_id, name) FROM stdin;\n1\t1\tx\n2\t2\ty\n\\.",
                "ADD CONSTRAINT pgd_dept_pkey PRIMARY KEY (id);", "ADD CONSTRAINT pgd_dept_name_key UNIQUE (name);",
                "ADD CONSTRAINT pgd_emp_dept_id_fkey FOREIGN KEY (dept_id) REFERENCES public.pgd_dept(id);",
                "CREATE INDEX pgd_emp_name_idx ON public.pgd_emp USING btree (name);",
                "ALTER TABLE public.pgd_emp ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (",
                "SELECT pg_catalog.setval('public.pgd_seq', 5, false);",
                // the serial default depends on its sequence: set after the sequence exists, as PostgreSQL dumps it
                "ALTER TABLE ONLY public.pgd_dept ALTER COLUMN id SET DEFAULT nextval('public.pgd_dept_id_seq'::regclass);",
                "COMMENT ON TABLE public.pgd_dept IS 'departments';",
                "GRANT SELECT ON TABLE public.pgd_emp TO pgd_reader;");
        // the built-in objects' ACLs are as initdb left them (pg_init_privs): none is dumped
        assertThat(dump).doesNotContain("ON FUNCTION pg_catalog.", "ON TABLE pg_catalog.");
    }

    @Test
    void aDumpRestoredWithPsqlDumpsTheSameAgain() throws Exception {
        assumeTrue(Files.isExecutable(PG_DUMP) && Files.isExecutable(PSQL), "pg_dump / psql 15 are not installed");
        String original = dump("postgres", "original");
        assertThat(original).contains("CREATE VIEW public.pgd_item_view AS",
                "public.pgd_twice(pgd_item.price) AS doubled", "FROM pgd_other.pgd_item",
                "CREATE RULE pgd_dept_log AS\n    ON INSERT TO public.pgd_dept DO  INSERT INTO public.pgd_log (name)\n"
                        + "  VALUES (new.name);");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE pgd_restored");
        }
        Path err = scratch.resolve("restore.err");
        Process p = new ProcessBuilder(PSQL.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", Integer.toString(server.address().getPort()), "-U", "postgres", "-d", "pgd_restored",
                "-f", scratch.resolve("original.sql").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        assertThat(Files.readString(err)).isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(dump("pgd_restored", "restored")).isEqualTo(original);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/pgd_restored", "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, doubled FROM pgd_item_view ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("5.0");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("8");
            assertThat(rs.next()).isFalse();
        }
    }

    /** pg_dump's plain output of a database, without its per-run \restrict key lines. */
    private static String dump(String database, String name) throws Exception {
        Path out = scratch.resolve(name + ".sql");
        Path err = scratch.resolve(name + ".err");
        Process p = new ProcessBuilder(PG_DUMP.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(server.address().getPort()), "-U", "postgres", database)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pg_dump did not finish");
        }
        assertThat(Files.readString(err)).isEmpty();
        assertThat(p.exitValue()).isZero();
        return Files.readString(out).lines()
                .filter(l -> !l.startsWith("\\restrict ") && !l.startsWith("\\unrestrict "))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void lockTableOnlyInsideATransactionBlock() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("LOCK TABLE pgd_dept"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("25P01");
                        assertThat(e.getMessage()).contains("LOCK TABLE can only be used in transaction blocks");
                    });
        }
    }

    @Test
    void accessExclusiveBlocksAccessShareUntilTheHolderEnds() throws Exception {
        try (Connection holder = connect(); Connection other = connect();
             Statement h = holder.createStatement(); Statement o = other.createStatement()) {
            holder.setAutoCommit(false);
            other.setAutoCommit(false);
            h.execute("LOCK TABLE pgd_emp IN ACCESS EXCLUSIVE MODE");
            try (ResultSet rs = o.executeQuery("SELECT mode, granted FROM pg_locks WHERE locktype = 'relation'"
                    + " AND relation = 'pgd_emp'::regclass")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("AccessExclusiveLock");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            assertThatThrownBy(() -> o.execute("LOCK TABLE pgd_emp IN ACCESS SHARE MODE NOWAIT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("55P03");
                        assertThat(e.getMessage()).contains("could not obtain lock on relation \"pgd_emp\"");
                    });
            other.rollback();
            o.execute("SET lock_timeout = '200ms'");
            assertThatThrownBy(() -> o.execute("LOCK TABLE pgd_emp"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("55P03");
                        assertThat(e.getMessage()).contains("canceling statement due to lock timeout");
                    });
            other.rollback();
            // ROW EXCLUSIVE does not conflict with ROW SHARE; ACCESS SHARE is free once the holder commits
            holder.commit();
            h.execute("LOCK TABLE pgd_emp IN ROW SHARE MODE");
            o.execute("LOCK TABLE pgd_emp IN ROW EXCLUSIVE MODE NOWAIT");
            other.rollback();
            holder.rollback();
            o.execute("LOCK TABLE pgd_emp IN ACCESS SHARE MODE NOWAIT");
            other.rollback();
        }
    }

    @Test
    void lockTableNeedsThePrivilegeOfItsMode() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE pgd_locker");
            c.setAutoCommit(false);
            s.execute("SET ROLE pgd_locker");
            assertThatThrownBy(() -> s.execute("LOCK TABLE pgd_dept IN ACCESS SHARE MODE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage()).contains("permission denied for table pgd_dept");
                    });
            c.rollback();
            s.execute("RESET ROLE");
            s.execute("GRANT SELECT ON pgd_dept TO pgd_locker");
            c.commit();
            s.execute("SET ROLE pgd_locker");
            s.execute("LOCK TABLE pgd_dept IN ACCESS SHARE MODE");
            assertThatThrownBy(() -> s.execute("LOCK TABLE pgd_dept IN EXCLUSIVE MODE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            c.rollback();
            assertThatThrownBy(() -> s.execute("LOCK TABLE pgd_nosuch"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            c.rollback();
        }
    }
}
