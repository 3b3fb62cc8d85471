package org.lakepg.server.session;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.ast.AlterOwnerStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** DROP, ALTER ... RENAME and ALTER ... OWNER routed by object kind: schemas, views and functions here. */
final class ObjectCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final SchemaCommands schemas;
    private final SequenceAlterations sequences;
    private FunctionCommands functions;
    private final DefaultPrivilegeCommands defaults;

    ObjectCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                   Consumer<PgException> notices, SchemaCommands schemas, DefaultPrivilegeCommands defaults) {
        this.defaults = defaults;
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.schemas = schemas;
        this.sequences = new SequenceAlterations(objects, tables, searchPath, roles);
    }

    /** ALTER DEFAULT PRIVILEGES and the ACLs of new objects it decides. */
    DefaultPrivilegeCommands defaults() {
        return defaults;
    }

    void setFunctions(FunctionCommands functions) {
        this.functions = functions;
    }

    /** DROP of any kind: {@code others} runs the kinds another command owns (tables, indexes ...). */
    Execution drop(DropStmt s, Transaction txn, ViewCommands views, Privileges privileges, Supplier<Execution> others) {
        return switch (s.removeType().kind()) {
            case SCHEMA -> schemas.drop(s, txn);
            case VIEW, MATVIEW -> views.drop(s, txn);
            case FUNCTION, PROCEDURE, ROUTINE, AGGREGATE -> {
                if (functions == null) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DROP FUNCTION is not supported yet");
                }
                yield functions.drop(s, txn);
            }
            case TABLE -> {
                views.refuseViewsInDropTable(s, txn);
                List<Long> dropped = new java.util.ArrayList<>();
                List<DependentViews.Dropped> named = new java.util.ArrayList<>();
                for (Object o : s.objects()) {
                    var relation = relationIfSchemaExists(txn, ObjectNames.qualified(o));
                    if (relation.isPresent() && relation.get() instanceof SearchPath.Relation.Table t) {
                        roles.requireOwner(privileges.tableOwner(txn.snapshot(), t.table().oid()), "table", t.name());
                        dropped.add(t.table().oid());
                        named.add(new DependentViews.Dropped(t.table().oid(), "table", t.name()));
                    }
                }
                // a missing table (without IF EXISTS) is the table command's error, before any cascading
                Execution done = others.get();
                new DependentViews(objects, tables, notices).handle(txn, named, s.behavior() != null
                        && s.behavior().kind() == org.lakepg.server.sql.ast.DropBehavior.Kind.CASCADE);
                // the owner, grants and comments of the dropped tables go with them
                for (long oid : dropped) {
                    objects.privileges().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, oid);
                    objects.comments().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, oid);
                    objects.policies().dropForTable(txn, oid);
                }
                yield done;
            }
            default -> others.get();
        };
    }

    private java.util.Optional<SearchPath.Relation> relationIfSchemaExists(Transaction txn, List<String> name) {
        String schema = ObjectNames.schemaOf(name);
        if (schema != null && objects.schemas().find(txn.snapshot(), schema).isEmpty()) {
            return java.util.Optional.empty();
        }
        return searchPath.relation(txn.snapshot(), name);
    }

    private static List<String> nameOf(org.lakepg.server.sql.ast.RangeVar r) {
        return r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
    }

    /**
     * CREATE TABLE / SEQUENCE by a role other than the bootstrap superuser: the owner of the new table and of the
     * sequences made with it (serial and identity columns) is recorded.
     */
    Execution recordOwner(org.lakepg.server.sql.ast.RangeVar relation, Transaction txn, Supplier<Execution> create) {
        boolean existed = relationIfSchemaExists(txn, nameOf(relation)).isPresent();
        java.util.Set<Long> sequencesBefore = new java.util.HashSet<>();
        tables.sequences(txn.snapshot()).forEach(q -> sequencesBefore.add(q.oid()));
        Execution done = create.get();
        txn.commandCounterIncrement();
        long owner = roles.currentRoleOid();
        boolean bootstrap = owner == org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID;
        if (!existed) {
            var created = relationIfSchemaExists(txn, nameOf(relation));
            if (created.isPresent() && created.get() instanceof SearchPath.Relation.Table t) {
                if (!bootstrap) {
                    objects.privileges().setOwner(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS,
                            t.table().oid(), owner);
                }
                defaults.apply(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, t.table().oid(), owner,
                        t.table().namespace(), 'r');
            }
        }
        for (var q : tables.sequences(txn.snapshot())) {
            if (!sequencesBefore.contains(q.oid())) {
                if (!bootstrap) {
                    objects.privileges().setOwner(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS,
                            q.oid(), owner);
                }
                defaults.apply(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, q.oid(), owner,
                        q.namespace(), 'S');
            }
        }
        return done;
    }

    /** The table or view LOCK TABLE names: 3F000 for a missing schema, 42P01 for a missing relation. */
    SearchPath.Relation existingRelation(org.lakepg.server.sql.ast.RangeVar r, Transaction txn) {
        if (r.schemaname() != null && objects.schemas().find(txn.snapshot(), r.schemaname()).isEmpty()) {
            throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", r.schemaname());
        }
        return searchPath.relation(txn.snapshot(), nameOf(r)).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                r.schemaname() == null ? r.relname() : r.schemaname() + "." + r.relname()));
    }

    /** ALTER TABLE and CREATE INDEX need the table's owner; a missing table is the command's own error. */
    void requireTableOwner(org.lakepg.server.sql.ast.RangeVar relation, Transaction txn, Privileges privileges) {
        if (relation == null || roles.superuser()) {
            return;
        }
        var found = relationIfSchemaExists(txn, nameOf(relation));
        if (found.isPresent() && found.get() instanceof SearchPath.Relation.Table t) {
            roles.requireOwner(privileges.tableOwner(txn.snapshot(), t.table().oid()), "table", t.name());
        }
    }

    /** COPY FROM needs INSERT on the table, COPY TO needs SELECT. */
    void requireTablePrivilege(org.lakepg.server.sql.ast.RangeVar r, Transaction txn, Privileges privileges,
                               char privilege) {
        if (roles.superuser()) {
            return;
        }
        var found = relationIfSchemaExists(txn, nameOf(r));
        if (found.isPresent() && found.get() instanceof SearchPath.Relation.Table t && !privileges.holds(
                txn.snapshot(), roles.currentRoleOid(), org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS,
                t.table().oid(), privileges.tableOwner(txn.snapshot(), t.table().oid()), privilege)) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table %s", t.name());
        }
    }

    /** TRUNCATE needs the TRUNCATE privilege on every table it names. */
    void requireTruncate(org.lakepg.server.sql.ast.TruncateStmt s, Transaction txn, Privileges privileges) {
        if (roles.superuser()) {
            return;
        }
        for (var r : s.relations()) {
            var found = relationIfSchemaExists(txn, nameOf(r));
            if (found.isPresent() && found.get() instanceof SearchPath.Relation.Table t && !privileges.holds(
                    txn.snapshot(), roles.currentRoleOid(), org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS,
                    t.table().oid(), privileges.tableOwner(txn.snapshot(), t.table().oid()), 'D')) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table %s", t.name());
            }
        }
    }

    /** ALTER ... RENAME: schemas, views and functions here; {@code others} renames tables, columns, indexes ... */
    Execution rename(RenameStmt s, Transaction txn, Supplier<Execution> others) {
        switch (s.renameType().kind()) {
            case FUNCTION, PROCEDURE, ROUTINE, AGGREGATE -> {
                return functions.move(s.renameType().kind(), (org.lakepg.server.sql.ast.ObjectWithArgs) s.object(),
                        s.newname(), null, txn);
            }
            case COLUMN -> {
                if (s.relationType() != null && s.relation() != null) {
                    var relation = searchPath.relation(txn.snapshot(), nameOf(s.relation()));
                    if (relation.isPresent() && relation.get() instanceof SearchPath.Relation.View v) {
                        return renameViewColumn(v.view(), s.subname(), s.newname(), txn);
                    }
                }
            }
            case SCHEMA -> {
                String name = ObjectNames.last(s.object());
                SchemaInfo schema = objects.schemas().find(txn.snapshot(), name).orElseThrow(() -> PgException.of(
                        SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name));
                return schemas.rename(schema, s.newname(), txn);
            }
            case VIEW, TABLE, MATVIEW -> {
                if (s.relation() == null) {
                    break;
                }
                List<String> name = s.relation().schemaname() == null ? List.of(s.relation().relname())
                        : List.of(s.relation().schemaname(), s.relation().relname());
                var relation = searchPath.relation(txn.snapshot(), name);
                if (relation.isPresent() && relation.get() instanceof SearchPath.Relation.View v) {
                    ViewInfo view = v.view();
                    if (searchPath.relation(txn.snapshot(), view.namespace(), s.newname()).isPresent()
                            || tables.indexNameExists(txn.snapshot(), s.newname())) {
                        throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", s.newname());
                    }
                    roles.requireOwner(view.owner(), "view", view.name());
                    objects.views().replace(txn, view.renamed(s.newname()));
                    return Execution.done(switch (s.renameType().kind()) {
                        case VIEW -> "ALTER VIEW";
                        case MATVIEW -> "ALTER MATERIALIZED VIEW";
                        default -> "ALTER TABLE";
                    });
                }
                if (relation.isEmpty() && s.renameType().kind() != ObjectType.Kind.TABLE) {
                    if (s.missingOk()) {
                        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                                s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                        return Execution.done("ALTER VIEW");
                    }
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
                }
            }
            default -> { }
        }
        return others.get();
    }

    /** ALTER TABLE/VIEW ... OWNER TO, which the grammar makes an ALTER TABLE subcommand. */
    /**
     * ALTER TABLE / VIEW / SEQUENCE / MATERIALIZED VIEW IF EXISTS ... OWNER TO of a relation that does not exist:
     * PostgreSQL's notice, and the statement does nothing. Null when the relation exists.
     */
    Execution skipMissingOwnerTarget(org.lakepg.server.sql.ast.AlterTableStmt a, Transaction txn) {
        if (!a.missingOk() || searchPath.relation(txn.snapshot(), nameOf(a.relation())).isPresent()
                || sequences.find(txn, a.relation()).isPresent()) {
            return null;
        }
        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                a.relation().relname()).withSeverity(PgException.Severity.NOTICE));
        return Execution.done("ALTER " + switch (a.objtype().kind()) {
            case VIEW -> "VIEW";
            case SEQUENCE -> "SEQUENCE";
            case MATVIEW -> "MATERIALIZED VIEW";
            default -> "TABLE";
        });
    }

    static boolean onlyChangesOwner(org.lakepg.server.sql.ast.AlterTableStmt a) {
        return a.cmds() != null && a.cmds().size() == 1
                && a.cmds().get(0).subtype().kind() == org.lakepg.server.sql.ast.AlterTableType.Kind.CHANGE_OWNER;
    }

    /** ALTER VIEW ... RENAME COLUMN: the view's output column takes the new name. */
    private Execution renameViewColumn(ViewInfo view, String column, String newName, Transaction txn) {
        roles.requireOwner(view.owner(), "view", view.name());
        List<org.lakepg.server.table.ColumnInfo> columns = new java.util.ArrayList<>();
        boolean found = false;
        for (var c : view.columns()) {
            if (c.name().equals(newName)) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
                        newName, view.name());
            }
            found |= c.name().equals(column);
            columns.add(c.name().equals(column) ? new org.lakepg.server.table.ColumnInfo(newName, c.number(), c.type(),
                    c.typmod(), c.notNull()) : c);
        }
        if (!found) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", column);
        }
        objects.views().replace(txn, new ViewInfo(view.oid(), view.namespace(), view.name(), view.statement(), columns,
                view.owner(), view.materialized(), view.relation(), view.dependsOn(), view.populated(),
                view.searchPath(), view.arrayType()));
        return Execution.done("ALTER VIEW");
    }

    /** ALTER FUNCTION / VIEW / TABLE ... SET SCHEMA. */
    Execution setSchema(org.lakepg.server.sql.ast.AlterObjectSchemaStmt s, Transaction txn) {
        switch (s.objectType().kind()) {
            case FUNCTION, PROCEDURE, ROUTINE -> {
                return functions.move(s.objectType().kind(), (org.lakepg.server.sql.ast.ObjectWithArgs) s.object(),
                        null, s.newschema(), txn);
            }
            case VIEW, MATVIEW -> {
                var relation = searchPath.relation(txn.snapshot(), nameOf(s.relation()));
                if (relation.isPresent() && relation.get() instanceof SearchPath.Relation.View v) {
                    ViewInfo view = v.view();
                    SchemaInfo schema = searchPath.schema(txn.snapshot(), s.newschema());
                    if (searchPath.relation(txn.snapshot(), schema.oid(), view.name()).isPresent()) {
                        throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists in schema \"%s\"",
                                view.name(), schema.name());
                    }
                    roles.requireOwner(view.owner(), "view", view.name());
                    objects.views().replace(txn, new ViewInfo(view.oid(), schema.oid(), view.name(), view.statement(),
                            view.columns(), view.owner(), view.materialized(), view.relation(), view.dependsOn(),
                            view.populated(), view.searchPath(), view.arrayType()));
                    return Execution.done(view.materialized() ? "ALTER MATERIALIZED VIEW" : "ALTER VIEW");
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", s.relation().relname());
            }
            case TABLE, SEQUENCE -> {
                boolean table = s.objectType().kind() == ObjectType.Kind.TABLE;
                if (!table || relationIfSchemaExists(txn, nameOf(s.relation())).isEmpty()) {
                    var sequence = sequences.find(txn, s.relation());
                    if (sequence.isPresent()) {
                        return sequences.setSchema(sequence.get(), s.newschema(), table ? "ALTER TABLE"
                                : "ALTER SEQUENCE", txn);
                    }
                }
                if (!table) {
                    if (relationIfSchemaExists(txn, nameOf(s.relation())).isPresent()) {
                        throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a sequence",
                                s.relation().relname());
                    }
                    if (s.missingOk()) {
                        notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                                s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                        return Execution.done("ALTER SEQUENCE");
                    }
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                            SessionRelations.qualified(s.relation()));
                }
                return setTableSchema(s, txn);
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER %s ... SET SCHEMA is not supported yet",
                    s.objectType().kind().name().replace('_', ' '));
        }
    }

    /** ALTER TABLE ... SET SCHEMA: the table and the sequences its columns own move to the schema. */
    private Execution setTableSchema(org.lakepg.server.sql.ast.AlterObjectSchemaStmt s, Transaction txn) {
        var snapshot = txn.snapshot();
        var relation = relationIfSchemaExists(txn, nameOf(s.relation()));
        if (relation.isEmpty() || !(relation.get() instanceof SearchPath.Relation.Table found)) {
            if (relation.isEmpty() && s.missingOk()) {
                notices.accept(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist, skipping",
                        s.relation().relname()).withSeverity(PgException.Severity.NOTICE));
                return Execution.done("ALTER TABLE");
            }
            throw relation.isEmpty() ? PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                    SessionRelations.qualified(s.relation())) : PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a table",
                    s.relation().relname());
        }
        org.lakepg.server.table.TableInfo table = found.table();
        if (!roles.superuser()) {
            roles.requireOwner(objects.privileges().owner(snapshot,
                    org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, table.oid())
                    .orElse(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID), "table", table.name());
        }
        SchemaInfo schema = searchPath.schema(snapshot, s.newschema());
        if (schema.oid() == table.namespace()) {
            return Execution.done("ALTER TABLE");
        }
        if (searchPath.relation(snapshot, schema.oid(), table.name()).isPresent()
                || tables.findSequence(snapshot, schema.oid(), table.name()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists in schema \"%s\"",
                    table.name(), schema.name());
        }
        tables.setNamespace(txn, table, schema.oid());
        for (var q : tables.sequences(snapshot)) {
            if (q.ownedByTable() == table.oid()) {
                tables.updateSequence(txn, new org.lakepg.server.table.SequenceInfo(q.oid(), q.name(), schema.oid(),
                        q.relation(), q.type(), q.options(), q.cache(), q.ownedByTable(), q.ownedByColumn(),
                        q.persistence()));
                // a serial column's default names its sequence with the schema it is now in
                String name = schema.oid() == SchemaInfo.PUBLIC ? q.name() : schema.name() + "." + q.name();
                table.columns().stream().filter(c -> c.number() == q.ownedByColumn() && c.defaultExpr() != null
                        && c.defaultExpr().startsWith("nextval(")).findFirst().ifPresent(c -> tables.updateColumn(txn,
                        table, c.number(), column -> column.withDefault(SequenceCommands.nextvalDefault(name))));
            }
        }
        return Execution.done("ALTER TABLE");
    }

    Execution alterOwner(AlterOwnerStmt s, Transaction txn) {
        long owner = roles.oidOf(s.newowner());
        switch (s.objectType().kind()) {
            case FUNCTION, PROCEDURE, ROUTINE -> {
                return functions.setOwner(s.objectType().kind(), (org.lakepg.server.sql.ast.ObjectWithArgs) s.object(),
                        owner, txn);
            }
            case VIEW, TABLE, MATVIEW, SEQUENCE -> {
                if (s.relation() != null) {
                    var kind = s.objectType().kind();
                    var relation = searchPath.relation(txn.snapshot(), nameOf(s.relation()));
                    if (relation.isEmpty() && (kind == ObjectType.Kind.TABLE || kind == ObjectType.Kind.SEQUENCE)) {
                        var sequence = sequences.find(txn, s.relation());
                        if (sequence.isPresent()) {
                            return sequences.setOwner(sequence.get(), owner, "ALTER " + (kind == ObjectType.Kind.TABLE
                                    ? "TABLE" : "SEQUENCE"), txn);
                        }
                    }
                    if (relation.isEmpty() && kind == ObjectType.Kind.VIEW
                            && sequences.find(txn, s.relation()).isPresent()) {
                        throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a view",
                                s.relation().relname());
                    }
                    if (relation.isPresent() && kind == ObjectType.Kind.SEQUENCE) {
                        throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a sequence",
                                s.relation().relname());
                    }
                    switch (relation.orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                            "relation \"%s\" does not exist", s.relation().relname()))) {
                        case SearchPath.Relation.View v -> {
                            roles.requireOwner(v.view().owner(), "view", v.name());
                            ViewInfo view = v.view();
                            objects.views().replace(txn, new ViewInfo(view.oid(), view.namespace(), view.name(),
                                    view.statement(), view.columns(), owner, view.materialized(), view.relation(),
                                    view.dependsOn(), view.populated(), view.searchPath(), view.arrayType()));
                            return Execution.done("ALTER VIEW");
                        }
                        case SearchPath.Relation.Table t -> {
                            if (!roles.superuser()) {
                                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of table %s", t.name());
                            }
                            objects.privileges().setOwner(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS,
                                    t.table().oid(), owner);
                            sequences.followTableOwner(t.table().oid(), owner, txn);
                            return Execution.done("ALTER TABLE");
                        }
                    }
                }
            }
            default -> { }
        }
        if (s.objectType().kind() == ObjectType.Kind.LARGEOBJECT) {
            long oid = LargeObjectNames.oid(s.object());
            var lo = objects.largeObjects().find(txn.snapshot(), oid).orElseThrow(() -> PgException.of(
                    SqlState.UNDEFINED_OBJECT, "large object %d does not exist", oid));
            if (!roles.superuser()) {
                roles.requireOwner(lo.owner(), "large object", Long.toString(oid));
                if (!roles.roles().isMemberOf(roles.currentRoleOid(), owner)) {
                    throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"%s\"",
                            roles.nameOf(owner));
                }
            }
            objects.largeObjects().changeOwner(txn, oid, owner);
            return Execution.done("ALTER LARGE OBJECT");
        }
        if (s.objectType().kind() == ObjectType.Kind.SCHEMA) {
            String name = ObjectNames.last(s.object());
            SchemaInfo schema = objects.schemas().find(txn.snapshot(), name).orElseThrow(() -> PgException.of(
                    SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name));
            return schemas.setOwner(schema, owner, txn);
        }
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER %s ... OWNER TO is not supported yet",
                s.objectType().kind().name().replace('_', ' '));
    }
}
