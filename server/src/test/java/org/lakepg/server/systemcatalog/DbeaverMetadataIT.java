package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog queries DBeaver's PostgreSQL driver runs when it connects and when a user browses databases, schemas,
 * tables, columns, constraints, indexes, functions, sequences and types (shaped as in its
 * org.jkiss.dbeaver.ext.postgresql model classes, with their parameters written as subqueries), against lakepg and
 * a real PostgreSQL 15 holding the same schema: the same rows. Values that legitimately differ are masked: OIDs
 * (columns of the OID types), physical sizes and transaction horizons. Not covered: DBeaver reads a sequence's
 * state with SELECT FROM the sequence, which lakepg does not support (pg_sequences is asked instead), and
 * pg_get_viewdef, which returns the view's text as written where PostgreSQL deparses it.
 */
class DbeaverMetadataIT {
    private static final String SCHEMA = """
            create table db_people (id int primary key, name text not null, email varchar(80) unique,
                                    score numeric(10,2) default 0, born date);
            create table db_orders (id serial primary key, person int references db_people (id) on delete cascade,
                                    qty int check (qty > 0), note text, constraint db_orders_sane check (qty < id * 1000));
            create index db_orders_person on db_orders (person);
            create sequence db_counter increment 3 start 7;
            create view db_people_names as select id, name from db_people;
            create function db_twice(x int) returns int language sql immutable as 'select x * 2';
            comment on table db_people is 'people we know';
            comment on column db_people.name is 'full name';
            """;

    private static final String PUBLIC = "(select oid from pg_catalog.pg_namespace where nspname = 'public')";
    private static final String CATALOG = "(select oid from pg_catalog.pg_namespace where nspname = 'pg_catalog')";

    /** Columns whose values are physical or time-dependent, beside those of the OID types. */
    private static final Set<String> MASKED = Set.of("relfilenode", "relpages", "reltuples", "relallvisible",
            "relfrozenxid", "relminmxid", "datfrozenxid", "datminmxid", "reltoastrelid",
            // the locale the reference server was initialised with (C.UTF-8 here), where lakepg says C
            "datcollate", "datctype");
    private static final Set<String> OID_TYPES = Set.of("oid", "_oid", "oidvector", "regproc", "regclass", "regtype",
            "xid", "_regtype",
            // expression trees: PostgreSQL keeps nodeToString output, lakepg the SQL text
            "pg_node_tree");

    private static SameSchemaServers servers;
    private static Connection expected;
    private static Connection actual;

    @BeforeAll
    static void start() throws Exception {
        servers = SameSchemaServers.start("dbeaver-metadata", SCHEMA);
        expected = servers.expected;
        actual = servers.actual;
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.append(md.getColumnLabel(i)).append(':').append(md.getColumnTypeName(i)).append('|');
            }
            out.add(header.toString());
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    boolean masked = OID_TYPES.contains(md.getColumnTypeName(i))
                            || MASKED.contains(md.getColumnLabel(i));
                    String v = rs.getString(i);
                    row.append(masked && v != null ? "#" : v).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Queries whose rows must equal PostgreSQL's. */
    @ParameterizedTest
    @ValueSource(strings = {
        // on connect
        "select current_schema(), session_user",
        "select current_database(), pg_catalog.pg_is_in_recovery()",
        "show search_path",
        "select db.oid, db.* from pg_catalog.pg_database db where datallowconn and not datistemplate"
                + " and datname = current_database() order by db.datname",
        "select n.oid, n.*, d.description from pg_catalog.pg_namespace n"
                + " left outer join pg_catalog.pg_description d on d.objoid = n.oid order by nspname",
        "select a.oid, a.* from pg_catalog.pg_roles a order by a.oid",
        "select am.oid, am.* from pg_catalog.pg_am am order by am.oid",
        "select l.oid, l.* from pg_catalog.pg_language l order by l.oid",
        "select t.oid, t.* from pg_catalog.pg_tablespace t order by t.oid",
        "select l.oid, l.*, p.pronamespace as handler_schema_id from pg_catalog.pg_foreign_data_wrapper l"
                + " left outer join pg_catalog.pg_proc p on p.oid = l.fdwhandler order by l.fdwname",
        "select l.oid, l.* from pg_catalog.pg_foreign_server l order by l.srvname",
        "select e.oid, e.* from pg_catalog.pg_extension e where e.extnamespace = " + CATALOG + " order by e.oid",
        // browsing a schema: tables, views and sequences, their columns, constraints, indexes, functions
        "select c.oid, c.*, d.description, (select array_agg(i.inhparent) from pg_catalog.pg_inherits i"
                + " where i.inhrelid = c.oid) parents from pg_catalog.pg_class c left outer join pg_catalog.pg_description d"
                + " on d.objoid = c.oid and d.objsubid = 0 where c.relnamespace = " + PUBLIC
                + " and c.relkind not in ('i','c') order by c.relname",
        "select c.relname, a.*, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value, dsc.description"
                + " from pg_catalog.pg_attribute a inner join pg_catalog.pg_class c on (a.attrelid = c.oid)"
                + " left outer join pg_catalog.pg_attrdef ad on (a.attrelid = ad.adrelid and a.attnum = ad.adnum)"
                + " left outer join pg_catalog.pg_description dsc on (c.oid = dsc.objoid and a.attnum = dsc.objsubid)"
                + " where not a.attisdropped and c.relnamespace = " + PUBLIC + " and c.relkind not in ('i','c')"
                + " order by c.relname, a.attnum",
        "select c.oid, c.*, t.relname as tabrelname, rt.relnamespace as refnamespace from pg_catalog.pg_constraint c"
                + " inner join pg_catalog.pg_class t on t.oid = c.conrelid"
                + " left outer join pg_catalog.pg_class rt on rt.oid = c.confrelid where t.relnamespace = " + PUBLIC
                + " order by tabrelname, c.conname",
        "select i.*, i.indkey as keys, c.relname, c.relnamespace, c.relam, tc.relname as tabrelname, dsc.description,"
                + " pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr from pg_catalog.pg_index i"
                + " inner join pg_catalog.pg_class c on c.oid = i.indexrelid"
                + " inner join pg_catalog.pg_class tc on tc.oid = i.indrelid"
                + " left outer join pg_catalog.pg_description dsc on i.indexrelid = dsc.objoid"
                + " where c.relnamespace = " + PUBLIC + " order by c.relname",
        "select pg_catalog.pg_get_indexdef(i.indexrelid, 0, true), pg_catalog.pg_get_constraintdef(c.oid, true)"
                + " from pg_catalog.pg_index i left join pg_catalog.pg_constraint c on c.conindid = i.indexrelid"
                + " where i.indrelid in ('db_people'::regclass, 'db_orders'::regclass) order by 1",
        "select p.oid, p.*, d.description from pg_catalog.pg_proc p"
                + " left outer join pg_catalog.pg_description d on d.objoid = p.oid where p.pronamespace = " + PUBLIC
                + " order by p.proname",
        "select pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_result(p.oid)"
                + " from pg_catalog.pg_proc p where p.proname = 'db_twice'",
        "select * from pg_catalog.pg_sequence where seqrelid = 'db_counter'::regclass",
        "select sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, last_value"
                + " from pg_catalog.pg_sequences where schemaname = 'public' order by sequencename",
        "select c.oid, c.* from pg_catalog.pg_collation c where c.collnamespace = " + CATALOG
                + " and c.collname in ('default', 'C', 'POSIX') order by c.oid",
        "select t.oid, t.*, c.relkind from pg_catalog.pg_type t left outer join pg_catalog.pg_class c on c.oid = t.typrelid"
                + " where typnamespace = " + CATALOG + " and t.oid < 10000 order by t.oid",
        "select pg_catalog.format_type(a.atttypid, a.atttypmod), a.attname from pg_catalog.pg_attribute a"
                + " where a.attrelid = 'db_people'::regclass and a.attnum > 0 order by a.attnum",
    })
    void sameRowsAsPostgres(String query) throws SQLException {
        assertThat(rows(actual, query)).containsExactlyElementsOf(rows(expected, query));
    }

    /** Queries DBeaver runs whose answers legitimately differ (server build, settings lakepg keeps): they must run. */
    @ParameterizedTest
    @ValueSource(strings = {
        "select version()",
        "select * from pg_catalog.pg_settings",
        "select c.contoencoding as encid, pg_catalog.pg_encoding_to_char(c.contoencoding) as encname"
                + " from pg_catalog.pg_conversion c group by c.contoencoding order by 2",
        "select pg_catalog.pg_get_viewdef('db_people_names'::regclass, true)",
        "select pg_catalog.pg_get_functiondef('db_twice'::regproc)",
        "select pg_catalog.pg_total_relation_size('db_people'::regclass), pg_catalog.pg_relation_size('db_people')",
        "select * from pg_catalog.pg_stat_user_tables where relname = 'db_people'",
        "select * from pg_catalog.pg_stat_activity where datname = current_database()",
        "select * from pg_catalog.pg_locks",
    })
    void runsWithoutError(String query) throws SQLException {
        assertThat(rows(actual, query)).isNotEmpty();
        assertThat(rows(expected, query)).isNotEmpty();
    }
}
