package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The catalog's view of constraints, defaults, sequences, views and schemas that other parts of
 * lakepg record: given through {@link CatalogSources}, they appear in pg_catalog and information_schema
 * the way PostgreSQL shows the same objects.
 */
class CatalogHooksTest {

    private static final long SCHEMA = 16400;
    private static final TableInfo PARENT = new TableInfo(16384, "parent", CatalogView.PUBLIC, 16384, 16385,
            List.of(new ColumnInfo("id", (short) 1, 23, -1, true)));
    private static final TableInfo CHILD = new TableInfo(16390, "child", SCHEMA, 16390, 16391,
            List.of(new ColumnInfo("id", (short) 1, 20, -1, true), new ColumnInfo("parent_id", (short) 2, 23, -1, false),
                    new ColumnInfo("price", (short) 3, 1700, -1, false)));
    private static final IndexInfo PARENT_PKEY = new IndexInfo(16386, "parent_pkey", 16384, 16386, true, true,
            List.of((short) 1));

    /** A small fixed catalog: two tables, a foreign key, a check, a default, a serial sequence, a view. */
    private static final class Fixed implements CatalogSources {
        @Override
        public List<TableInfo> tables() {
            return List.of(PARENT, CHILD);
        }

        @Override
        public List<IndexInfo> indexes(long tableOid) {
            return tableOid == PARENT.oid() ? List.of(PARENT_PKEY) : List.of();
        }

        @Override
        public List<ConstraintRow> constraints() {
            return List.of(
                    new ConstraintRow(16395, "child_parent_id_fkey", SCHEMA, CHILD.oid(), 'f', List.of((short) 2), null,
                            PARENT.oid(), List.of((short) 1), 'a', 'c', 's', false, false, PARENT_PKEY.oid()),
                    new ConstraintRow(16396, "child_price_check", SCHEMA, CHILD.oid(), 'c', List.of((short) 3),
                            "price > 0", 0, List.of(), ' ', ' ', ' ', false, false, 0));
        }

        @Override
        public List<DefaultRow> columnDefaults() {
            return List.of(new DefaultRow(16397, CHILD.oid(), (short) 1, "nextval('shop.child_id_seq'::regclass)"));
        }

        @Override
        public List<SequenceRow> sequences() {
            return List.of(new SequenceRow(16392, "child_id_seq", SCHEMA, 16392, 20, 1, 1, Long.MAX_VALUE, 1, 1, false,
                    CHILD.oid(), (short) 1, false, null));
        }

        @Override
        public List<ViewRow> views() {
            return List.of(new ViewRow(16398, "cheap", SCHEMA, " SELECT child.id\\n   FROM shop.child;",
                    List.of(new ColumnInfo("id", (short) 1, 20, -1, false)), 10, false));
        }

        @Override
        public List<NamespaceInfo> userNamespaces() {
            return List.of(new NamespaceInfo(SCHEMA, "shop", 10));
        }

        @Override
        public List<String> databases() {
            return List.of("postgres");
        }

        @Override
        public String currentDatabase() {
            return "postgres";
        }

        @Override
        public String currentUser() {
            return "postgres";
        }

        @Override
        public String sessionUser() {
            return "postgres";
        }

        @Override
        public List<RoleInfo> roles() {
            return List.of(new RoleInfo("postgres", 10, true, true));
        }

        @Override
        public List<SessionActivity> sessions() {
            return List.of();
        }

        @Override
        public List<SettingInfo> settings() {
            return List.of();
        }

        @Override
        public long relationBlocks(int relation) {
            return 0;
        }

        @Override
        public long currentWalLsn() {
            return 0;
        }

        @Override
        public long serverStartMicros() {
            return 0;
        }

        @Override
        public String setting(String name) {
            return name.equals("search_path") ? "\"$user\", public" : null;
        }
    }

    private final CatalogView catalog = new CatalogView(new Fixed());

    private List<List<Object>> scan(String schema, String relation, String... columns) {
        SystemRelation r = SystemRelations.find(schema, relation).orElseThrow();
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : r.scan(catalog)) {
            List<Object> picked = new ArrayList<>();
            for (String c : columns) {
                picked.add(row[r.column(c)]);
            }
            out.add(picked);
        }
        return out;
    }

    @Test
    void constraintsShowWithTheirDefinitionsAndKeysOfIndexes() {
        assertThat(scan("pg_catalog", "pg_constraint", "conname", "contype", "confrelid"))
                .containsExactly(List.of("child_parent_id_fkey", (byte) 'f', 16384L),
                        List.of("child_price_check", (byte) 'c', 0L),
                        List.of("parent_pkey", (byte) 'p', 0L),
                        // information_schema's built-in domains carry their CHECKs, as in PostgreSQL
                        List.of("cardinal_number_domain_check", (byte) 'c', 0L),
                        List.of("yes_or_no_check", (byte) 'c', 0L));
        assertThat(ConstraintDefinitions.of(catalog, 16395)).contains(
                "FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE");
        assertThat(ConstraintDefinitions.of(catalog, 16396)).contains("CHECK ((price > 0))");
        assertThat(ConstraintDefinitions.of(catalog, 16386)).contains("PRIMARY KEY (id)");
        assertThat(scan("information_schema", "referential_constraints", "constraint_name", "unique_constraint_name",
                "delete_rule")).containsExactly(List.of("child_parent_id_fkey", "parent_pkey", "CASCADE"));
    }

    @Test
    void sequencesViewsAndSchemasAreRelationsOfTheirKind() {
        assertThat(scan("pg_catalog", "pg_class", "relname", "relkind", "relnamespace").stream()
                .filter(r -> (Long) r.get(2) == SCHEMA).toList())
                .containsExactly(List.of("child", (byte) 'r', SCHEMA), List.of("child_id_seq", (byte) 'S', SCHEMA),
                        List.of("cheap", (byte) 'v', SCHEMA));
        assertThat(RegTypes.output(2205, 16398, catalog)).isEqualTo("shop.cheap");
        assertThat(RegTypes.input(2205, "shop.child_id_seq", catalog)).isEqualTo(16392L);
        assertThat(scan("pg_catalog", "pg_sequences", "schemaname", "sequencename", "data_type"))
                .containsExactly(List.of("shop", "child_id_seq", 20L));
        assertThat(scan("pg_catalog", "pg_views", "viewname", "definition"))
                .containsExactly(List.of("cheap", " SELECT child.id\\n   FROM shop.child;"));
        assertThat(scan("pg_catalog", "pg_depend", "objid", "refobjid", "refobjsubid", "deptype"))
                .contains(List.of(16392L, CHILD.oid(), 1, (byte) 'a'));
    }

    @Test
    void defaultsMarkTheirColumns() {
        assertThat(scan("pg_catalog", "pg_attrdef", "adrelid", "adnum", "adbin"))
                .containsExactly(List.of(CHILD.oid(), (short) 1, "nextval('shop.child_id_seq'::regclass)"));
        assertThat(scan("pg_catalog", "pg_attribute", "attrelid", "attname", "atthasdef", "attnum").stream()
                .filter(r -> r.get(0).equals(CHILD.oid()) && (Short) r.get(3) > 0).map(r -> r.subList(0, 3)).toList())
                .containsExactly(List.of(CHILD.oid(), "id", true), List.of(CHILD.oid(), "parent_id", false),
                        List.of(CHILD.oid(), "price", false));
    }
}
