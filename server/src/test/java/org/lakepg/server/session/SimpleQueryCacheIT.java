package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakepg.server.TestServer;
import org.lakepg.server.auth.Roles;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.ResultSink;
import org.lakepg.wire.protocol.SessionStartup;

/**
 * The simple-protocol plan cache gives what analyzing every statement gives: after DDL of the same or another
 * session, a search_path change, for literals of different types and for positional literals. Each check runs a
 * statement often enough to be answered from the cache (the hit counter shows it was) and compares with the same
 * statement in a session without the cache.
 */
class SimpleQueryCacheIT {
    private static TestServer server;
    private static LakepgEngine engine;
    private static int databases;
    private static int processIds = 4242;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("simplecache");
        engine = new LakepgEngine(new Roles(Optional.empty()), Map.of(), server.server().cluster());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** One session, statements in, rows as text lines out (the first line: column names and type OIDs). */
    private static final class Client implements ResultSink, AutoCloseable {
        final LakepgSession session;
        final String database;
        final List<String> lines = new ArrayList<>();

        Client(String database) {
            this.database = database;
            session = (LakepgSession) engine.openSession(new SessionStartup("postgres", database, Map.of(), null,
                    processIds++, null));
        }

        List<String> run(String sql) {
            lines.clear();
            session.simpleQuery(sql, this);
            return List.copyOf(lines);
        }

        @Override
        public void rowDescription(List<ColumnDescription> columns) {
            lines.add(String.join(",", columns.stream().map(c -> c.name() + ":" + c.typeOid()).toList()));
        }

        @Override
        public void dataRow(byte[][] cells) {
            List<String> values = new ArrayList<>();
            for (byte[] cell : cells) {
                values.add(cell == null ? "NULL" : new String(cell, StandardCharsets.UTF_8));
            }
            lines.add(String.join("|", values));
        }

        @Override
        public void commandComplete(String tag) {
            lines.add(tag);
        }

        @Override
        public void emptyQuery() {
        }

        @Override
        public void notice(PgException notice) {
            lines.add("NOTICE " + notice.getMessage());
        }

        @Override
        public void parameterStatus(String name, String value) {
        }

        @Override
        public CopyInStream beginCopyIn(boolean binary, short[] columnFormats) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginCopyOut(boolean binary, short[] columnFormats) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copyData(byte[] data) {
        }

        @Override
        public void endCopyOut() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** A cached and an uncached session of a fresh database. */
    private record Pair(Client cached, Client plain) implements AutoCloseable {
        /** Runs sql in both sessions three times (the third time from the cache) and returns the cached answer. */
        List<String> same(String sql) {
            long before = cached.session.planCacheHits();
            List<String> expected = consistent(sql);
            assertThat(cached.session.planCacheHits()).as("answered from the cache: " + sql).isGreaterThan(before);
            return expected;
        }

        /** The same answers with and without the cache, whether or not the statement could be cached. */
        List<String> consistent(String sql) {
            List<String> expected = plain.run(sql);
            for (int i = 0; i < 3; i++) {
                assertThat(cached.run(sql)).as(sql).isEqualTo(expected);
            }
            return expected;
        }

        @Override
        public void close() {
            cached.close();
            plain.close();
        }
    }

    private static Pair pair() {
        String database = "simplecache" + (++databases);
        try (Client admin = new Client("postgres")) {
            admin.run("create database " + database);
        }
        Client plain = new Client(database);
        plain.run("set lakepg.simple_plan_cache = off");
        return new Pair(new Client(database), plain);
    }

    @Test
    void literalsAreBoundAnewEveryTime() {
        try (Pair p = pair()) {
            p.cached().run("create table t (a int primary key, b int)");
            p.cached().run("insert into t select g, g * 10 from generate_series(1, 5) g");
            for (int a = 1; a <= 5; a++) {
                p.cached().run("select b from t where a = " + a);
                assertThat(p.cached().run("select b from t where a = " + a)).containsExactly("b:23",
                        Integer.toString(a * 10), "SELECT 1");
            }
            assertThat(p.cached().session.planCacheHits()).isGreaterThanOrEqualTo(8);
            p.same("update t set b = b + -5 where a = 2"); // four times: once without the cache
            assertThat(p.cached().run("select b from t where a = 2")).containsExactly("b:23", "0", "SELECT 1");
        }
    }

    @Test
    void literalsOfDifferentTypesKeepTheirTypes() {
        try (Pair p = pair()) {
            assertThat(p.same("select 5, pg_typeof(7), 3000000000, pg_typeof(3000000001), -2147483648, "
                    + "pg_typeof(-2147483648), pg_typeof(- 2147483647), 12.5, pg_typeof(1.5)"))
                    .containsExactly("?column?:23,pg_typeof:2206,?column?:20,pg_typeof:2206,?column?:23,"
                            + "pg_typeof:2206,pg_typeof:2206,?column?:1700,pg_typeof:2206",
                            "5|integer|3000000000|bigint|-2147483648|integer|integer|12.5|numeric", "SELECT 1");
            p.same("select 2147483646 + 1");
            long hits = p.cached().session.planCacheHits();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> p.plain().run("select 2147483647 + 1")).hasMessage("integer out of range");
                assertThatThrownBy(() -> p.cached().run("select 2147483647 + 1")).hasMessage("integer out of range");
            }
            assertThat(p.cached().session.planCacheHits()).isGreaterThan(hits);
            p.same("select 7 / 2, 12 % 5, 2 ^ 3, abs(-4), 7 > 2");
            p.consistent("select 7::int8 / 2, 1::numeric(5,1), 3::varchar(2), 4::text || 5");
        }
    }

    @Test
    void positionalLiteralsKeepTheirMeaning() {
        try (Pair p = pair()) {
            // sorts and aggregates over sequential scans are cached only while the columnar engine is off
            p.cached().run("set lakepg.analytics = off");
            p.plain().run("set lakepg.analytics = off");
            p.cached().run("create table t (a int, b int)");
            p.cached().run("insert into t values (1, 30), (2, 20), (3, 10), (3, 5)");
            assertThat(p.same("select a, b from t order by 1")).containsExactly("a:23,b:23", "1|30", "2|20", "3|10",
                    "3|5", "SELECT 4");
            assertThat(p.same("select a, b from t order by 2")).containsExactly("a:23,b:23", "3|5", "3|10", "2|20",
                    "1|30", "SELECT 4");
            p.same("select a, b from t order by 1");
            assertThat(p.same("select a, count(*) from t where b > 1 group by 1 order by 1 limit 2"))
                    .containsExactly("a:23,count:20", "1|1", "2|1", "SELECT 2");
            p.same("select distinct on (1) a, b from t order by 1, 2 desc");
            p.consistent("select a, sum(b) over (order by a rows between 1 preceding and 1 following) from t order by 1, 2");
            p.cached().run("set lakepg.analytics = auto");
            long hits = p.cached().session.planCacheHits();
            p.consistent("select a, b from t order by 2");
            assertThat(p.cached().session.planCacheHits()).isEqualTo(hits);
        }
    }

    @Test
    void ddlOfTheSameSessionIsSeen() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int primary key, b int)");
            c.run("insert into t values (1, 10), (2, 20)");
            p.same("select * from t where a = 1");
            c.run("alter table t add column c int default 7");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:23,c:23", "1|10|7", "SELECT 1");
            c.run("alter table t alter column b type bigint");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:20,c:23", "1|10|7", "SELECT 1");
            c.run("drop table t");
            c.run("create table t (a int, b text)");
            c.run("insert into t values (1, 'one')");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:25", "1|one", "SELECT 1");
            c.run("drop table t");
            assertThatThrownBy(() -> c.run("select * from t where a = 1"))
                    .hasMessageContaining("relation \"t\" does not exist");
        }
    }

    @Test
    void ddlInsideATransactionAndItsRollbackAreSeen() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int, b int)");
            c.run("insert into t values (1, 10)");
            p.same("select * from t where a = 1");
            c.run("begin");
            c.run("alter table t add column z int");
            assertThat(c.run("select * from t where a = 1")).containsExactly("a:23,b:23,z:23", "1|10|NULL", "SELECT 1");
            c.run("rollback");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:23", "1|10", "SELECT 1");
        }
    }

    @Test
    void ddlOfAnotherSessionIsSeen() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int, b int, d int)");
            c.run("insert into t values (1, 10, 100)");
            p.same("select * from t where a = 1");
            p.plain().run("alter table t drop column d");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:23", "1|10", "SELECT 1");
            p.plain().run("create view v as select a, b * 2 as b2 from t");
            p.same("select * from v where a = 1");
            p.plain().run("create or replace view v as select a, b * 3 as b2 from t");
            assertThat(p.same("select * from v where a = 1")).containsExactly("a:23,b2:23", "1|30", "SELECT 1");
        }
    }

    @Test
    void searchPathChangesAreSeen() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int, x int)");
            c.run("insert into t values (1, 1)");
            c.run("create schema s2");
            c.run("create table s2.t (a int, y int)");
            c.run("insert into s2.t values (1, 2)");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,x:23", "1|1", "SELECT 1");
            c.run("set search_path = s2, public");
            p.plain().run("set search_path = s2, public");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,y:23", "1|2", "SELECT 1");
            c.run("reset search_path");
            p.plain().run("reset search_path");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,x:23", "1|1", "SELECT 1");
        }
    }

    @Test
    void privilegesRevokedByAnotherSessionAreChecked() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int, b int)");
            c.run("insert into t values (1, 10)");
            c.run("create role simplecache_reader");
            try {
                c.run("grant select on t to simplecache_reader");
                c.run("set role simplecache_reader");
                p.plain().run("set role simplecache_reader");
                assertThat(p.same("select b from t where a = 1")).containsExactly("b:23", "10", "SELECT 1");
                try (Client admin = new Client(p.plain().database)) {
                    admin.run("revoke select on t from simplecache_reader");
                }
                assertThatThrownBy(() -> c.run("select b from t where a = 1"))
                        .hasMessage("permission denied for table t");
            } finally {
                c.run("reset role");
                c.run("drop table t");
                c.run("drop role simplecache_reader");
            }
        }
    }

    @Test
    void functionsReplacedByAnotherSessionAreSeen() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create function f(x int) returns int language sql as $$ select x + 1 $$");
            assertThat(p.same("select f(1)")).containsExactly("f:23", "2", "SELECT 1");
            p.plain().run("create or replace function f(x int) returns int language sql as $$ select x + 100 $$");
            assertThat(p.same("select f(1)")).containsExactly("f:23", "101", "SELECT 1");
        }
    }

    @Test
    void warningsOfTheAnalysisAreRaisedEveryTime() {
        try (Pair p = pair()) {
            for (int i = 0; i < 3; i++) {
                assertThat(p.cached().run("select 1 from (select now()::timestamp(7)) x where 2 > 1"))
                        .contains("NOTICE TIMESTAMP(7) precision reduced to maximum allowed, 6");
            }
        }
    }

    @Test
    void timeTravelUsesTheCatalogOfItsLsn() {
        try (Pair p = pair()) {
            Client c = p.cached();
            c.run("create table t (a int, b int)");
            c.run("insert into t values (1, 10)");
            String before = c.run("select lakepg_create_branch('simplecache_mark')").get(1);
            c.run("alter table t add column c int default 7");
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:23,c:23", "1|10|7", "SELECT 1");
            for (Client each : List.of(c, p.plain())) {
                each.run("set lakepg.read_lsn = '" + before + "'");
            }
            // (not from the cache: each time-travel transaction sets transaction_read_only, a settings change)
            assertThat(p.consistent("select * from t where a = 1")).containsExactly("a:23,b:23", "1|10", "SELECT 1");
            for (Client each : List.of(c, p.plain())) {
                each.run("reset lakepg.read_lsn");
            }
            assertThat(p.same("select * from t where a = 1")).containsExactly("a:23,b:23,c:23", "1|10|7", "SELECT 1");
            c.run("select lakepg_drop_branch('simplecache_mark')");
        }
    }
}
