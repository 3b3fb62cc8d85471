package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE [OR REPLACE] VIEW, DROP VIEW, and DROP TABLE's refusal to drop a view. */
final class ViewCommands {
    private static final BuiltinAnalyzerCatalog TYPES = new BuiltinAnalyzerCatalog();
    private final ObjectCatalog objects;
    private final DefaultPrivilegeCommands defaults;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final RelationAccessLog accessLog;
    private final DependentViews dependents;
    private java.util.function.BiConsumer<Transaction, SchemaInfo> dropStale = (txn, schema) -> { };

    /** How a temporary schema a crashed session left behind is emptied before reuse. */
    void setStaleTempSchemaDrop(java.util.function.BiConsumer<Transaction, SchemaInfo> drop) {
        this.dropStale = drop;
    }

    ViewCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                 Consumer<PgException> notices, RelationAccessLog accessLog, DefaultPrivilegeCommands defaults) {
        this.defaults = defaults;
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.accessLog = accessLog;
        this.dependents = new DependentViews(objects, tables, notices);
    }

    Execution create(ViewStmt s, String text, Transaction txn, QueryAnalyzer queries) {
        if (text == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "CREATE VIEW without its statement text is not supported");
        }
        org.lakepg.server.sql.analyzer.SelectIntoPlaces.checkViewQuery(s.query());
        if (!(s.query() instanceof SelectStmt select)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this view query is not supported yet");
        }
        List<OutputColumn> output;
        List<RelationAccessLog.Access> accesses;
        accessLog.start();
        try {
            output = queries.select(select).columns();
        } finally {
            accesses = accessLog.finish();
        }
        // what the query names itself (not what the views it names stand on) is what the view depends on
        List<Long> dependsOn = accesses.stream().filter(a -> a.checkAs() < 0).map(RelationAccessLog.Access::oid)
                .distinct().toList();
        List<String> aliases = s.aliases() == null ? List.of() : s.aliases();
        if (aliases.size() > output.size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < output.size(); i++) {
            OutputColumn c = output.get(i);
            String name = i < aliases.size() ? aliases.get(i) : c.name();
            if (!names.add(name)) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
            }
            columns.add(new ColumnInfo(name, (short) (i + 1), c.type(), c.typmod(), false));
        }
        Snapshot snapshot = txn.snapshot();
        var view = s.view();
        var temp = searchPath.tempSchema(snapshot);
        if (view.relpersistence() != 't' && view.schemaname() == null && temp.isPresent()
                && usesTemporary(snapshot, dependsOn, temp.get().oid())) {
            // a view on temporary relations is temporary itself, as in PostgreSQL
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "view \"%s\" will be a temporary view",
                    view.relname()).withSeverity(PgException.Severity.NOTICE));
            view = new org.lakepg.server.sql.ast.RangeVar(view.catalogname(), null, view.relname(), view.inh(), 't',
                    view.alias(), view.location());
        }
        SchemaInfo schema = searchPath.creationSchema(txn, view, dropStale);
        snapshot = txn.snapshot();
        String name = s.view().relname();
        Optional<SearchPath.Relation> existing = searchPath.relation(snapshot, schema.oid(), name);
        if (existing.isPresent() && existing.get() instanceof SearchPath.Relation.View v && s.replace()
                && !v.view().materialized()) {
            ViewInfo old = v.view();
            checkReplacement(old.columns(), columns);
            roles.requireOwner(old.owner(), "view", name);
            if (dependsOn.contains(old.oid())) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "infinite recursion detected in rules for relation \"%s\"",
                        name);
            }
            objects.views().replace(txn, new ViewInfo(old.oid(), old.namespace(), name, text, columns, old.owner(),
                    false, 0, dependsOn, true, pathOids(snapshot),
                    old.arrayType() != 0 ? old.arrayType() : tables.newOid()));
            return Execution.done("CREATE VIEW");
        }
        if (existing.isPresent() && s.replace()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a view", name);
        }
        if (existing.isPresent() || tables.indexNameExists(snapshot, name)) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        long oid = tables.newOid();
        objects.views().create(txn, new ViewInfo(oid, schema.oid(), name, text, columns,
                roles.currentRoleOid(), false, 0, dependsOn, true, pathOids(snapshot), tables.newOid()));
        defaults.apply(txn,
                org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, oid, roles.currentRoleOid(), schema.oid(), 'r');
        return Execution.done("CREATE VIEW");
    }

    /**
     * CREATE MATERIALIZED VIEW: the query's rows are stored in a table of their own (in pg_toast, where no
     * name lookup finds it) that reads of the view scan, until REFRESH replaces them.
     */
    Execution createMaterialized(org.lakepg.server.sql.ast.CreateTableAsStmt s, String text, Transaction txn,
                                 QueryAnalyzer queries, Function<org.lakepg.server.sql.plan.QueryPlan,
                                 java.util.Iterator<Object[]>> run) {
        var rel = s.into().rel();
        if (!(s.query() instanceof SelectStmt select)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this materialized view query is not supported yet");
        }
        Snapshot snapshot = txn.snapshot();
        SchemaInfo schema = searchPath.creationSchema(snapshot, rel.schemaname());
        String name = rel.relname();
        if (searchPath.relation(snapshot, schema.oid(), name).isPresent() || tables.indexNameExists(snapshot, name)) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists, skipping", name)
                        .withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE MATERIALIZED VIEW");
            }
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
        org.lakepg.server.sql.plan.QueryPlan plan;
        List<RelationAccessLog.Access> accesses;
        accessLog.start();
        try {
            plan = queries.select(select);
        } finally {
            accesses = accessLog.finish();
        }
        List<String> aliases = s.into().colNames() == null ? List.of() : s.into().colNames();
        if (aliases.size() > plan.columns().size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            OutputColumn c = plan.columns().get(i);
            String column = i < aliases.size() ? aliases.get(i) : c.name();
            if (!names.add(column)) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", column);
            }
            columns.add(new ColumnInfo(column, (short) (i + 1), c.type(), c.typmod(), false));
        }
        long oid = tables.newOid();
        var storage = tables.create(txn, SchemaInfo.PG_TOAST, "matview_" + oid, columns);
        List<Long> dependsOn = accesses.stream().filter(a -> a.checkAs() < 0).map(RelationAccessLog.Access::oid)
                .distinct().toList();
        boolean populate = !s.into().skipData();
        objects.views().create(txn, new ViewInfo(oid, schema.oid(), name, text, columns, roles.currentRoleOid(), true,
                Math.toIntExact(storage.oid()), dependsOn, populate, pathOids(snapshot), tables.newOid()));
        defaults.apply(txn,
                org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, oid, roles.currentRoleOid(), schema.oid(), 'r');
        long count = populate ? fill(txn, storage, run.apply(plan)) : 0;
        return Execution.done(populate ? "SELECT " + count : "CREATE MATERIALIZED VIEW");
    }

    /** REFRESH MATERIALIZED VIEW: the stored rows are replaced by what the query gives now (or none, WITH NO DATA). */
    Execution refresh(org.lakepg.server.sql.ast.RefreshMatViewStmt s, Transaction txn, QueryAnalyzer queries,
                      Function<org.lakepg.server.sql.plan.QueryPlan, java.util.Iterator<Object[]>> run) {
        var r = s.relation();
        List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
        var relation = searchPath.relation(txn.snapshot(), name).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", name)));
        if (!(relation instanceof SearchPath.Relation.View v) || !v.view().materialized()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "\"%s\" is not a materialized view", relation.name());
        }
        if (s.concurrent()) {
            // CONCURRENTLY needs a unique index on the materialized view, which lakepg cannot make yet
            String schema = objects.schemas().find(txn.snapshot(), relation.namespace()).map(SchemaInfo::name).orElse("");
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "cannot refresh materialized view \"%s.%s\" concurrently", schema, relation.name())
                    .withHint("Create a unique index with no WHERE clause on one or more columns of the materialized view.");
        }
        ViewInfo view = v.view();
        roles.requireOwner(view.owner(), "materialized view", view.name());
        var storage = tables.tables(txn.snapshot()).stream().filter(t -> t.oid() == view.relation()).findFirst()
                .orElseThrow();
        var heap = tables.heap(storage);
        for (var it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            heap.delete(txn, it.next().tid(), org.lakepg.server.txn.WaitPolicy.BLOCK);
        }
        if (!s.skipData()) {
            var plan = searchPath.withPath(view.searchPath(),
                    () -> queries.select(org.lakepg.server.sql.analyzer.ViewExpansion.query(view)));
            fill(txn, storage, run.apply(plan));
        }
        if (view.populated() == s.skipData()) {
            objects.views().replace(txn, view.withPopulated(!s.skipData()));
        }
        return Execution.done("REFRESH MATERIALIZED VIEW");
    }

    private boolean usesTemporary(Snapshot snapshot, List<Long> relations, long tempSchema) {
        return tables.tables(snapshot).stream().anyMatch(t -> t.namespace() == tempSchema && relations.contains(t.oid()))
                || objects.views().views(snapshot).stream().anyMatch(v -> v.namespace() == tempSchema
                && relations.contains(v.oid()));
    }

    /** The schemas the view's names were found in: expanding it looks there again. */
    private List<Long> pathOids(Snapshot snapshot) {
        return searchPath.explicitSchemas(snapshot).stream().map(SchemaInfo::oid).toList();
    }

    /** Drops a view with its rows (materialized), comments and grants: what a cascading DROP does to it. */
    static void dropCompletely(org.lakepg.server.catalog.objects.ObjectCatalog objects, TableCatalog tables,
                               Transaction txn, ViewInfo view) {
        dropStorage(tables, txn, view);
        objects.views().drop(txn, view);
        objects.comments().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, view.oid());
        objects.privileges().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, view.oid());
    }

    /** A dropped materialized view's rows go with it. */
    static void dropStorage(TableCatalog tables, Transaction txn, ViewInfo view) {
        if (view.materialized()) {
            tables.tables(txn.snapshot()).stream().filter(t -> t.oid() == view.relation()).findFirst()
                    .ifPresent(t -> tables.drop(txn, t));
        }
    }

    private long fill(Transaction txn, org.lakepg.server.table.TableInfo storage, java.util.Iterator<Object[]> rows) {
        var heap = tables.heap(storage);
        var codec = new org.lakepg.server.table.RowCodec(storage.columnTypes());
        long count = 0;
        while (rows.hasNext()) {
            heap.insert(txn, codec.encode(rows.next()));
            count++;
        }
        return count;
    }

    /** CREATE OR REPLACE VIEW may only add columns at the end, as PostgreSQL's checkViewTupleDesc. */
    private static void checkReplacement(List<ColumnInfo> old, List<ColumnInfo> replacement) {
        if (replacement.size() < old.size()) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int i = 0; i < old.size(); i++) {
            ColumnInfo o = old.get(i);
            ColumnInfo n = replacement.get(i);
            if (!o.name().equals(n.name())) {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot change name of view column \"%s\" to \"%s\"",
                        o.name(), n.name()).withHint(
                        "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
            }
            if (o.type() != n.type() || o.typmod() != n.typmod()) {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot change data type of view column \"%s\" from %s to %s", o.name(),
                        TypeNames.format(TYPES, o.type(), o.typmod()), TypeNames.format(TYPES, n.type(), n.typmod()));
            }
        }
    }

    Execution drop(DropStmt s, Transaction txn) {
        boolean materialized = s.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.MATVIEW;
        String kind = materialized ? "materialized view" : "view";
        List<ViewInfo> found = new ArrayList<>();
        for (Object o : s.objects()) {
            List<String> name = ObjectNames.qualified(o);
            Optional<SearchPath.Relation> relation = lookup(txn.snapshot(), name, s.missingOk());
            if (relation == null) {
                continue;
            }
            String shown = name.get(name.size() - 1);
            if (relation.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s \"%s\" does not exist, skipping",
                            kind, shown).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "%s \"%s\" does not exist", kind, shown);
            }
            if (!(relation.get() instanceof SearchPath.Relation.View v) || v.view().materialized() != materialized) {
                throw wrongType(relation.get(), shown, kind);
            }
            roles.requireOwner(v.view().owner(), kind, shown);
            found.add(v.view());
        }
        dependents.handle(txn, found.stream().map(v -> new DependentViews.Dropped(v.oid(), kind, v.name())).toList(),
                s.behavior() != null && s.behavior().kind() == org.lakepg.server.sql.ast.DropBehavior.Kind.CASCADE);
        for (ViewInfo v : found) {
            dropStorage(tables, txn, v);
            objects.views().drop(txn, v);
            objects.comments().dropAll(txn, CatalogClasses.PG_CLASS, v.oid());
            objects.privileges().dropAll(txn, CatalogClasses.PG_CLASS, v.oid());
        }
        return Execution.done(materialized ? "DROP MATERIALIZED VIEW" : "DROP VIEW");
    }

    /** DROP TABLE naming a view fails as PostgreSQL's (the table command handles the rest). */
    void refuseViewsInDropTable(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<String> name = ObjectNames.qualified(o);
            String schema = ObjectNames.schemaOf(name);
            if (schema != null && objects.schemas().find(txn.snapshot(), schema).isEmpty()) {
                continue;
            }
            Optional<SearchPath.Relation> relation = searchPath.relation(txn.snapshot(), name);
            if (relation.isPresent() && relation.get() instanceof SearchPath.Relation.View v) {
                throw wrongType(relation.get(), v.name(), "table");
            }
        }
    }

    private static PgException wrongType(SearchPath.Relation relation, String name, String expected) {
        String actual = relation instanceof SearchPath.Relation.View v ? v.view().materialized()
                ? "materialized view" : "view" : "table";
        String command = actual.equals("materialized view") ? "DROP MATERIALIZED VIEW"
                : actual.equals("view") ? "DROP VIEW" : "DROP TABLE";
        return PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a %s", name, expected)
                .withHint("Use %s to remove a %s.".formatted(command, actual));
    }

    /** The relation of a DROP name; null when its schema is missing and IF EXISTS said to skip it. */
    private Optional<SearchPath.Relation> lookup(Snapshot snapshot, List<String> name, boolean missingOk) {
        String schema = ObjectNames.schemaOf(name);
        if (schema != null && objects.schemas().find(snapshot, schema).isEmpty()) {
            if (missingOk) {
                notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "schema \"%s\" does not exist, skipping",
                        schema).withSeverity(PgException.Severity.NOTICE));
                return null;
            }
            throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schema);
        }
        return searchPath.relation(snapshot, name);
    }
}
