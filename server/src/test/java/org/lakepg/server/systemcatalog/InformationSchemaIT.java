package org.lakepg.server.systemcatalog;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The information_schema views issue 7 names, over the user's objects, against a real PostgreSQL 15 with the same
 * schema: the same rows (names that embed OIDs have them cut off), views' updatability and domain columns included.
 */
class InformationSchemaIT {
    private static final String SCHEMA = """
            create table is_people (id int primary key, name text not null, email varchar(80) unique, born date);
            create table is_orders (id serial primary key, person int references is_people (id) on delete cascade,
                                    qty int check (qty > 0));
            create sequence is_seq increment 5 start 10;
            create view is_names as select id, name from is_people;
            create materialized view is_totals as select person, sum(qty) as total from is_orders group by person;
            create schema is_other;
            create function is_add(x int, y int default 1) returns int language sql as 'select x + y';
            create procedure is_touch(inout a int, b text) language sql as 'select a';
            create role is_reader;
            grant select on is_people to is_reader;
            grant insert on is_orders to is_reader with grant option;
            create domain is_code as varchar(8) not null check (value ~ '^[A-Z]' and length(value) > 2);
            create table is_coded (c is_code, n numeric check (n >= 0) check (n < 1e6));
            create view is_upd as select id, name, upper(name) as shout from is_people where id > 0;
            create view is_upd_over as select id as key, shout from is_upd;
            create view is_grouped as select person, count(*) from is_orders group by person;
            """;

    private static SameSchemaServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SameSchemaServers.start("information-schema", SCHEMA);
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from information_schema.schemata where schema_name like 'is%' or schema_name = 'public'",
        "select table_catalog, table_schema, table_name, table_type, is_typed from information_schema.tables"
                + " where table_schema = 'public'",
        "select table_name, column_name, ordinal_position, column_default, is_nullable, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, udt_name,"
                + " dtd_identifier, is_identity, is_generated from information_schema.columns"
                + " where table_schema = 'public'",
        "select table_name, view_definition, check_option from information_schema.views where table_schema = 'public'",
        "select constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced"
                + " from information_schema.table_constraints where table_schema = 'public'"
                + " and constraint_name not like '%not_null'",
        "select * from information_schema.key_column_usage where table_schema = 'public'",
        "select * from information_schema.referential_constraints where constraint_schema = 'public'",
        "select * from information_schema.check_constraints where constraint_schema = 'public'"
                + " and constraint_name not like '%not_null'",
        "select * from information_schema.constraint_column_usage where table_schema = 'public'",
        "select routine_name, routine_type, data_type, type_udt_schema, type_udt_name, routine_body,"
                + " routine_definition, external_language, is_deterministic, is_null_call, security_type"
                + " from information_schema.routines where specific_schema = 'public'",
        "select regexp_replace(specific_name, '_[0-9]+$', ''), ordinal_position, parameter_mode, parameter_name,"
                + " data_type, udt_schema, udt_name, parameter_default from information_schema.parameters"
                + " where specific_schema = 'public'",
        "select * from information_schema.sequences where sequence_schema = 'public'",
        "select * from information_schema.role_table_grants where table_schema = 'public'",
        "select * from information_schema.table_privileges where table_schema = 'public'",
        "select table_name, is_insertable_into from information_schema.tables where table_schema = 'public'",
        "select table_name, is_updatable, is_insertable_into, is_trigger_updatable from information_schema.views"
                + " where table_schema = 'public'",
        "select table_name, column_name, is_updatable, domain_catalog, domain_schema, domain_name, data_type,"
                + " character_maximum_length, udt_name from information_schema.columns where table_schema = 'public'",
    })
    void sameRowsAsPostgres(String query) throws SQLException {
        servers.assertSameRowsInAnyOrder(query);
    }
}
