package org.lakepg.server.systemcatalog;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * psql 15's tab-completion queries for tables and columns, as a real psql sent them to PostgreSQL 15 (captured
 * with log_statement = all while typing {@code SELECT * FROM <TAB>}, {@code SELECT * FROM tc_pe<TAB>},
 * {@code SELECT * FROM tc_people WHERE <TAB>}, {@code ... WHERE na<TAB>}, {@code \d <TAB>}, {@code \d tc_p<TAB>},
 * {@code INSERT INTO <TAB>}, {@code UPDATE tc_people SET <TAB>}, {@code ALTER TABLE tc_people ALTER COLUMN <TAB>}
 * and {@code DELETE FROM <TAB>}): lakepg returns the same rows as PostgreSQL on the same schema.
 */
class PsqlTabCompletionIT {
    private static final String SCHEMA = """
            create table tc_people (id int primary key, name text not null, email varchar(80) unique, born date);
            create table tc_orders (id serial primary key, person int references tc_people (id), qty int);
            create index tc_people_lower on tc_people (lower(name));
            create sequence tc_seq;
            create view tc_v as select id, name from tc_people;
            create materialized view tc_mv as select id, qty from tc_orders;
            create table tc_parent (a int);
            create table tc_child (b int) inherits (tc_parent);
            create schema tc_other;
            create table tc_other.hidden (x int);
            """;

    private static final String SCHEMAS = " UNION ALL\nSELECT NULL::pg_catalog.text, n.nspname FROM "
            + "pg_catalog.pg_namespace n WHERE n.nspname LIKE '%' AND n.nspname NOT LIKE E'pg\\\\_%'";
    private static final String NOT_PG_CATALOG = " AND pg_catalog.pg_table_is_visible(c.oid) AND c.relnamespace <> "
            + "(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'pg_catalog')";

    private static SameSchemaServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SameSchemaServers.start("psql-tab-completion", SCHEMA);
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /** The queries without their common tails (the visibility test and, for relation names, the schema names). */
    @ParameterizedTest
    @ValueSource(strings = {
            // SELECT * FROM <TAB>, SELECT * FROM tc_pe<TAB>
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'S', 'v', "
                    + "'m', 'f', 'p') AND (c.relname) LIKE '%'" + NOT_PG_CATALOG + "{schemas}",
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'S', 'v', "
                    + "'m', 'f', 'p') AND (c.relname) LIKE 'tc\\_pe%'" + NOT_PG_CATALOG,
            // \d <TAB>, \d tc_p<TAB>
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE (c.relname) LIKE '%'"
                    + NOT_PG_CATALOG + "{schemas}",
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE (c.relname) LIKE 'tc\\_p%'"
                    + NOT_PG_CATALOG,
            // INSERT INTO <TAB>, UPDATE <TAB>
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'f', 'v', "
                    + "'p') AND (c.relname) LIKE '%'" + NOT_PG_CATALOG + "{schemas}",
            // DELETE FROM <TAB>, ALTER TABLE <TAB>
            "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p') AND "
                    + "(c.relname) LIKE '%'" + NOT_PG_CATALOG + "{schemas}",
            // ... WHERE <TAB>, ... WHERE na<TAB>, UPDATE t SET <TAB>, ALTER TABLE t ALTER COLUMN <TAB>
            "SELECT a.attname, NULL::pg_catalog.text FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c WHERE "
                    + "c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped AND (a.attname) LIKE '%' AND "
                    + "c.relname = 'tc_people' AND pg_catalog.pg_table_is_visible(c.oid)",
            "SELECT a.attname, NULL::pg_catalog.text FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c WHERE "
                    + "c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped AND (a.attname) LIKE 'na%' AND "
                    + "c.relname = 'tc_people' AND pg_catalog.pg_table_is_visible(c.oid)",
            "SELECT a.attname, NULL::pg_catalog.text FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c WHERE "
                    + "c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped AND (a.attname) LIKE '%' AND "
                    + "c.relname = 'tc_v' AND pg_catalog.pg_table_is_visible(c.oid)"})
    void sameRowsAsPostgres(String template) throws SQLException {
        // psql appends LIMIT 1000 and asks for the schema names in the same statement
        String query = template.replace("{schemas}", SCHEMAS) + "\nLIMIT 1000";
        servers.assertSameRowsInAnyOrder(query);
    }
}
