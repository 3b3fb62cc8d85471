package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgjdbc's DatabaseMetaData against lakepg and a real PostgreSQL 15 with the same schema: the same rows. */
class JdbcMetadataIT {
    private static final String SCHEMA = """
            create table jd_people (id int primary key, name text not null, email varchar(80) unique,
                                    score numeric(10,2));
            create table jd_items (item_id bigint primary key, owner int, label char(5));
            create index jd_items_owner on jd_items (owner);
            create table jd_orders (order_id int primary key, person int references jd_people (id) on delete cascade,
                                    item bigint, qty int check (qty > 0),
                                    constraint jd_orders_item_fk foreign key (item) references jd_items (item_id));
            create schema jd_other;
            create table jd_other.lines (a int, b int, primary key (a, b));
            create sequence jd_seq;
            create view jd_people_names as select id, name from jd_people;
            create function jd_add(x int, y int default 1) returns int language sql as 'select x + y';
            create function jd_names(out id int, out name text) returns setof record language sql
                as 'select id, name from jd_people';
            create procedure jd_touch(a int) language sql as 'select a';
            """;

    private static SameSchemaServers servers;
    private static Connection expected;
    private static Connection actual;

    @BeforeAll
    static void start() throws Exception {
        servers = SameSchemaServers.start("jdbc-metadata", SCHEMA);
        expected = servers.expected;
        actual = servers.actual;
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    private interface Query {
        ResultSet run(DatabaseMetaData md) throws SQLException;
    }

    private static void assertSameRows(Query query) throws SQLException {
        assertThat(rows(query.run(actual.getMetaData()))).isEqualTo(rows(query.run(expected.getMetaData())));
    }

    /** As assertSameRows, with a column that legitimately differs (an index's PAGES, an OID) left out. */
    private static void assertSameRowsBut(String sizeColumn, Query query) throws SQLException {
        assertThat(withoutColumn(rows(query.run(actual.getMetaData())), sizeColumn))
                .isEqualTo(withoutColumn(rows(query.run(expected.getMetaData())), sizeColumn));
    }

    private static List<List<String>> withoutColumn(List<List<String>> rows, String column) {
        int at = rows.get(0).indexOf(column);
        assertThat(at).as("column %s", column).isNotNegative();
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> copy = new ArrayList<>(row);
            copy.remove(at);
            out.add(copy);
        }
        return out;
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            header.add(rs.getMetaData().getColumnLabel(i));
        }
        out.add(header);
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void tables() throws SQLException {
        assertSameRows(md -> md.getTables(null, "public", "jd%", null));
        assertSameRows(md -> md.getTables(null, "public", "jd%", new String[] {"TABLE"}));
    }

    @Test
    void catalogsAndTableTypes() throws SQLException {
        assertSameRows(DatabaseMetaData::getCatalogs);
        assertSameRows(DatabaseMetaData::getTableTypes);
    }

    @Test
    void functionsAndProceduresOfTheUser() throws SQLException {
        // SPECIFIC_NAME is name_oid: the OIDs differ
        assertSameRowsBut("SPECIFIC_NAME", md -> md.getFunctions(null, "public", "%"));
        assertSameRowsBut("SPECIFIC_NAME", md -> md.getProcedures(null, "public", "%"));
        assertSameRowsBut("SPECIFIC_NAME", md -> md.getFunctionColumns(null, "public", "jd_%", "%"));
        assertSameRowsBut("SPECIFIC_NAME", md -> md.getProcedureColumns(null, "public", "jd_%", "%"));
    }

    @Test
    void columns() throws SQLException {
        assertSameRows(md -> md.getColumns(null, "public", "jd_people", null));
    }

    @Test
    void primaryKeysAndIndexes() throws SQLException {
        assertSameRows(md -> md.getPrimaryKeys(null, "public", "jd_people"));
        assertSameRows(md -> md.getPrimaryKeys(null, "jd_other", "lines"));
        // PAGES is the index's relpages: lakepg's btree has a root page beside the metapage from the start
        assertSameRowsBut("PAGES", md -> md.getIndexInfo(null, "public", "jd_items", false, false));
        assertSameRowsBut("PAGES", md -> md.getIndexInfo(null, "public", "jd_people", true, false));
    }

    @Test
    void schemas() throws SQLException {
        assertSameRows(DatabaseMetaData::getSchemas);
        assertSameRows(md -> md.getSchemas(null, "jd%"));
        assertSameRows(md -> md.getSchemas(null, "pg_cat%"));
    }

    @Test
    void foreignKeys() throws SQLException {
        assertSameRows(md -> md.getImportedKeys(null, "public", "jd_orders"));
        assertSameRows(md -> md.getExportedKeys(null, "public", "jd_people"));
        assertSameRows(md -> md.getExportedKeys(null, "public", "jd_items"));
        assertSameRows(md -> md.getCrossReference(null, "public", "jd_people", null, "public", "jd_orders"));
    }

    @Test
    void bestRowIdentifier() throws SQLException {
        assertSameRows(md -> md.getBestRowIdentifier(null, "public", "jd_people", DatabaseMetaData.bestRowSession, true));
        assertSameRows(md -> md.getBestRowIdentifier(null, "jd_other", "lines", DatabaseMetaData.bestRowSession, true));
    }

    @Test
    void versionColumnsAndClientInfo() throws SQLException {
        assertSameRows(md -> md.getVersionColumns(null, "public", "jd_people"));
        assertSameRows(DatabaseMetaData::getClientInfoProperties);
    }

    @Test
    void privileges() throws SQLException {
        assertSameRows(md -> md.getTablePrivileges(null, "public", "jd_people"));
        assertSameRows(md -> md.getColumnPrivileges(null, "public", "jd_people", "%"));
    }

    @Test
    void viewsSequencesAndOtherSchemas() throws SQLException {
        assertSameRows(md -> md.getTables(null, "public", "jd%", new String[] {"VIEW", "SEQUENCE"}));
        assertSameRows(md -> md.getColumns(null, "public", "jd_people_names", null));
        assertSameRows(md -> md.getColumns(null, "jd_other", "%", null));
    }

    /**
     * The built-in types, in a database without tables, then with tables, a composite type and a range type (their
     * row types are left out and their array types listed, as pgjdbc's query joins pg_class for typrelid; views and
     * materialized views too).
     * pgjdbc's getTypeInfo query has no ORDER BY: PostgreSQL returns pg_type's heap order, so rows are compared
     * as a sorted list.
     */
    @Test
    void typeInfoAndUserDefinedTypes() throws SQLException {
        for (Connection c : List.of(expected, actual)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop database if exists jd_empty");
                s.execute("create database jd_empty");
            }
        }
        try (Connection emptyExpected = SameSchemaServers.connect(servers.reference.port(), "jd_empty");
             Connection emptyActual = SameSchemaServers.connect(servers.lakepg.address().getPort(), "jd_empty")) {
            List<List<String>> want = rows(emptyExpected.getMetaData().getTypeInfo());
            List<List<String>> got = rows(emptyActual.getMetaData().getTypeInfo());
            assertThat(sorted(got)).isEqualTo(sorted(want));
            assertThat(rows(emptyActual.getMetaData().getUDTs(null, "public", "%", null)))
                    .isEqualTo(rows(emptyExpected.getMetaData().getUDTs(null, "public", "%", null)));
            for (Connection c : List.of(emptyExpected, emptyActual)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create table jd_t1 (a int primary key, b text)");
                    s.execute("create table jd_t2 (x jd_t1, y jd_t1[])");
                    s.execute("create type jd_pair as (p int, q text)");
                    s.execute("create type jd_span as range (subtype = int8)");
                    // a view's and a materialized view's row types, with their array types
                    s.execute("create view jd_v as select a, b from jd_t1");
                    s.execute("create materialized view jd_mv as select a from jd_t1");
                    s.execute("create table jd_t3 (v jd_v, vs jd_v[], m jd_mv)");
                }
            }
            assertThat(sorted(rows(emptyActual.getMetaData().getTypeInfo())))
                    .isEqualTo(sorted(rows(emptyExpected.getMetaData().getTypeInfo())));
            assertThat(rows(emptyActual.getMetaData().getUDTs(null, "public", "%", null)))
                    .isEqualTo(rows(emptyExpected.getMetaData().getUDTs(null, "public", "%", null)));
            assertThat(rows(emptyActual.getMetaData().getColumns(null, "public", "jd_t3", "%")))
                    .isEqualTo(rows(emptyExpected.getMetaData().getColumns(null, "public", "jd_t3", "%")));
        }
    }

    /** Domain values reach clients as their base type (RowDescription's OID), in text and in binary. */
    @Test
    void domainColumnsAreDescribedAsTheirBaseType() throws SQLException {
        String sql = "select 7::information_schema.cardinal_number as n, 'YES'::information_schema.yes_or_no as y,"
                + " 'abc'::information_schema.sql_identifier as s,"
                + " '2020-01-01 10:00:00.123+00'::information_schema.time_stamp as t";
        assertThat(described(actual, sql, false)).isEqualTo(described(expected, sql, false));
        assertThat(described(actual, sql, true)).isEqualTo(described(expected, sql, true));
    }

    private static List<String> described(Connection c, String sql, boolean binary) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            // a negative threshold makes pgjdbc prepare at once and ask for binary results of the types it can read
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                var md = rs.getMetaData();
                List<String> out = new ArrayList<>();
                rs.next();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.add(md.getColumnType(i) + " " + md.getColumnTypeName(i) + " " + rs.getString(i));
                }
                return out;
            }
        }
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows.subList(1, rows.size()));
        out.sort(java.util.Comparator.comparing(Object::toString));
        out.add(0, rows.get(0));
        return out;
    }
}
