package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lakepg.server.TestServer;

/**
 * psql 15's describe commands against lakepg and against a real PostgreSQL 15 holding the same
 * schema: the printed text must be the same, except for values that legitimately differ (port,
 * locale name, sizes), which are masked.
 */
class PsqlMetaCommandsIT {
    /** psql's output; JUnit deletes the directory after the class. */
    @TempDir
    static Path scratch;

    private static final Path PSQL = Path.of("/usr/bin/psql");
    private static final String SCHEMA = """
            create table mc_people (id int primary key, name text not null, email varchar(80) unique,
                                    score numeric(10,2), born date);
            create table mc_items (item_id bigint primary key, owner int not null, label char(5), tags text[]);
            create index mc_items_owner on mc_items (owner);
            create unique index mc_items_label_owner on mc_items (label, owner);
            create role mc_reader;
            create role mc_admin createdb createrole login;
            grant mc_reader to mc_admin;
            create schema mc_shop;
            create table mc_shop.orders (id serial primary key, person int references mc_people (id),
                                         qty int check (qty > 0));
            create view mc_shop.big_orders as select id, qty from mc_shop.orders where qty > 100;
            comment on table mc_people is 'people we know';
            comment on schema mc_shop is 'the shop';
            comment on column mc_people.name is 'full name';
            create sequence mc_seq increment 5 start 10;
            create index mc_people_lower_name on mc_people (lower(name));
            create index mc_items_big_owner on mc_items (owner) where owner > 100 and label is not null;
            create index mc_items_label_incl on mc_items (label) include (owner, item_id);
            create index mc_items_owner_hash on mc_items using hash (owner);
            create unique index mc_people_email_lower on mc_people (lower(email)) where score > 0;
            create view mc_people_names as select id, lower(name) as lname from mc_people where born is not null
                order by id;
            create materialized view mc_people_mv as select id, name from mc_people where score > 1;
            create function mc_add(x int, y int default 1) returns int language sql as 'select x + y';
            comment on function mc_add(int, int) is 'adds';
            create type mc_mood as enum ('sad', 'ok');
            comment on type mc_mood is 'feelings';
            create type mc_pair as (a int, b text);
            create type mc_span as range (subtype = int4);
            grant select on mc_people to mc_reader;
            grant usage on schema mc_shop to mc_reader;
            create domain mc_posint as int check (value > 0);
            create table mc_feelings (m mc_mood, p mc_posint);
            comment on column mc_feelings.m is 'the mood';
            create table mc_checks (id int check (id between 1 and 100), r real default -1.5 check (r < 10),
                                    name varchar(10) default 'x' check (name <> 'a' and length(name) > 1),
                                    t timestamptz default now(), k bigint default -1);
            create domain mc_code as varchar(8) not null check (value ~ '^[A-Z]') check (length(value) > 2);
            create function mc_evt() returns event_trigger language plpgsql as $$ begin end $$;
            create event trigger mc_evt_end on ddl_command_end when tag in ('CREATE TABLE', 'drop table')
                execute function mc_evt();
            create event trigger mc_evt_start on ddl_command_start execute function mc_evt();
            alter event trigger mc_evt_start enable always;
            comment on event trigger mc_evt_end is 'at the end';
            """;

    private static TestServer lakepg;
    private static ReferencePostgres reference;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        reference = ReferencePostgres.start();
        lakepg = TestServer.start("psql-catalog");
        for (int port : new int[] {reference.port(), lakepg.address().getPort()}) {
            String out = psql(port, "-v", "ON_ERROR_STOP=1", "-c", SCHEMA);
            assertThat(out).doesNotContain("ERROR");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (lakepg != null) {
            lakepg.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    /**
     * The describe commands over tables, indexes (expression, partial, INCLUDE, hash), schemas, sequences, views,
     * materialized views, roles, user functions, an enum and a domain, comments and GRANTs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\\dt", "\\dt+", "\\d", "\\di", "\\di+", "\\dn", "\\dn+", "\\l", "\\ds", "\\dv", "\\dm",
            "\\df", "\\dx", "\\db", "\\dC", "\\conninfo", "\\dt mc_people", "\\di mc_items*", "\\dtS pg_clas*",
            "\\dn pg_catalog", "\\des", "\\dE", "\\dx plpgsql", "\\drds", "\\du", "\\du+", "\\dg", "\\dT", "\\dT+",
            "\\dt mc_shop.*", "\\dt+ mc_shop.*", "\\ds mc_shop.*", "\\dv mc_shop.*", "\\di mc_shop.*", "\\dp",
            "\\d mc_people", "\\d mc_items", "\\d mc_shop.orders", "\\d mc_shop.orders_id_seq",
            "\\d+ mc_people", "\\d+ mc_items", "\\d+ mc_shop.orders", "\\d+ mc_items_owner",
            "\\d+ mc_items_label_owner", "\\d+ mc_people_pkey", "\\d+ mc_shop.orders_id_seq", "\\d+ mc_seq",
            "\\d mc_items_owner", "\\di+ mc_items*", "\\ds+", "\\ds+ mc_shop.*", "\\dt+ mc_people", "\\dx+",
            "\\dv+ mc_shop.*", "\\d mc_people_lower_name", "\\d+ mc_items_big_owner", "\\d+ mc_items_label_incl",
            "\\d mc_items_owner_hash", "\\d+ mc_people_email_lower", "\\d+ mc_people_names", "\\d mc_people_names",
            "\\d+ mc_shop.big_orders", "\\dv+", "\\dm", "\\d+ mc_people_mv", "\\d mc_people_mv",
            "\\df mc_*", "\\df+ mc_*", "\\dT mc_*", "\\dT+ mc_*", "\\dD", "\\d+ mc_feelings", "\\d mc_feelings",
            "\\dL", "\\dd", "\\dp mc_*", "\\z mc_people", "\\dn+ mc_shop", "\\d mc_checks", "\\d+ mc_checks",
            "\\dD mc_code", "\\dD+", "\\dy", "\\dy+", "\\l+"})
    void printsWhatPostgresPrints(String command) throws Exception {
        String expected = mask(psql(reference.port(), "-c", command));
        String actual = mask(psql(lakepg.address().getPort(), "-c", command));
        assertThat(actual).isEqualTo(expected);
    }

    /** Unaligned output, so masking a value does not change column widths elsewhere. */
    private static String psql(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PSQL.toString(), "-X", "-A", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "psql", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    private static String mask(String text) {
        return text.replaceAll("at port \"\\d+\"", "at port \"PORT\"")
                .replace("C.UTF-8", "C")
                .replaceAll("\\|\\d+ (bytes|kB|MB)\\|", "|SIZE|");
    }
}
