package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.ast.CreateSchemaStmt;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE SCHEMA, DROP SCHEMA [CASCADE], ALTER SCHEMA ... RENAME TO / OWNER TO. */
final class SchemaCommands {
    private final ObjectCatalog objects;
    private final DefaultPrivilegeCommands defaults;
    private final TableCatalog tables;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final Privileges privileges;
    private final java.util.function.Supplier<String> database;

    SchemaCommands(ObjectCatalog objects, TableCatalog tables, RoleAccess roles, Consumer<PgException> notices,
                   Privileges privileges, java.util.function.Supplier<String> database,
                   DefaultPrivilegeCommands defaults) {
        this.defaults = defaults;
        this.objects = objects;
        this.tables = tables;
        this.roles = roles;
        this.notices = notices;
        this.privileges = privileges;
        this.database = database;
    }

    Execution create(CreateSchemaStmt s, Transaction txn) {
        if (!privileges.holds(txn.snapshot(), roles.currentRoleOid(), CatalogClasses.PG_DATABASE, 0,
                org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID, 'C')) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for database %s", database.get());
        }
        long owner = s.authrole() == null ? roles.currentRoleOid() : roles.oidOf(s.authrole());
        if (owner != roles.currentRoleOid() && !roles.roles().isMemberOf(roles.currentRoleOid(), owner)
                && !roles.superuser()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"%s\"", roles.nameOf(owner));
        }
        String name = s.schemaname() != null ? s.schemaname() : roles.nameOf(owner);
        if (s.schemaElts() != null && !s.schemaElts().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "CREATE SCHEMA with schema elements is not supported yet");
        }
        if (name.startsWith("pg_")) {
            throw PgException.of(SqlState.RESERVED_NAME, "unacceptable schema name \"%s\"", name)
                    .withDetail("The prefix \"pg_\" is reserved for system schemas.");
        }
        if (objects.schemas().find(txn.snapshot(), name).isPresent()) {
            if (s.ifNotExists()) {
                notices.accept(PgException.of(SqlState.DUPLICATE_SCHEMA, "schema \"%s\" already exists, skipping", name)
                        .withSeverity(PgException.Severity.NOTICE));
                return Execution.done("CREATE SCHEMA");
            }
            throw PgException.of(SqlState.DUPLICATE_SCHEMA, "schema \"%s\" already exists", name);
        }
        long oid = tables.newOid();
        objects.schemas().create(txn, oid, name, owner);
        defaults.apply(txn,
                org.lakepg.server.catalog.objects.CatalogClasses.PG_NAMESPACE, oid, owner, 0, 'n');
        return Execution.done("CREATE SCHEMA");
    }

    Execution drop(DropStmt s, Transaction txn) {
        List<SchemaInfo> found = new ArrayList<>();
        for (Object o : s.objects()) {
            String name = ObjectNames.last(o);
            var schema = objects.schemas().find(txn.snapshot(), name);
            if (schema.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "schema \"%s\" does not exist, skipping",
                            name).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
            }
            if (schema.get().builtIn() && schema.get().oid() != SchemaInfo.PUBLIC) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop schema %s because it is required by the database system", name);
            }
            if (schema.get().oid() == SchemaInfo.PUBLIC) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DROP SCHEMA public is not supported yet");
            }
            roles.requireOwner(schema.get().owner(), "schema", name);
            found.add(schema.get());
        }
        List<String[]> dependencies = new ArrayList<>();
        for (SchemaInfo schema : found) {
            dependencies.addAll(contents(txn, schema, false));
        }
        List<String> dependents = dependencies.stream().map(d -> d[0]).toList();
        if (!dependents.isEmpty()) {
            if (s.behavior() == null || s.behavior().kind() != DropBehavior.Kind.CASCADE) {
                PgException e = found.size() == 1 ? PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop schema %s because other objects depend on it", found.get(0).name())
                        : PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop desired object(s) because other objects depend on them");
                throw e.withDetail(String.join("\n", dependencies.stream().map(d -> d[0] + " depends on " + d[1])
                        .toList())).withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s", dependents.size() == 1
                    ? "drop cascades to " + dependents.get(0) : "drop cascades to " + dependents.size() + " other objects")
                    .withDetail(dependents.size() == 1 ? null : String.join("\n", dependents.stream()
                            .map(d -> "drop cascades to " + d).toList()))
                    .withSeverity(PgException.Severity.NOTICE));
        }
        for (SchemaInfo schema : found) {
            contents(txn, schema, true);
            objects.schemas().drop(txn, schema);
            objects.comments().dropAll(txn, CatalogClasses.PG_NAMESPACE, schema.oid());
            objects.privileges().dropAll(txn, CatalogClasses.PG_NAMESPACE, schema.oid());
            objects.defaultAcls().removeNamespace(txn, schema.oid());
        }
        return Execution.done("DROP SCHEMA");
    }

    /**
     * What a schema holds, and the views elsewhere standing on it, described as PostgreSQL's dependency messages
     * name them ({object, what it depends on}); dropped when asked.
     */
    private List<String[]> contents(Transaction txn, SchemaInfo schema, boolean drop) {
        List<String[]> out = new ArrayList<>();
        String owner = "schema " + schema.name();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        var sequences = tables.sequences(txn.snapshot());
        // tables and the sequences no column owns, in the order they were made (as pg_depend lists them)
        List<Object> relations = new ArrayList<>();
        tables.tables(txn.snapshot()).stream().filter(t -> t.namespace() == schema.oid()).forEach(relations::add);
        sequences.stream().filter(q -> q.namespace() == schema.oid() && q.ownedByTable() == 0).forEach(relations::add);
        relations.sort(java.util.Comparator.comparingLong(r -> r instanceof TableInfo t ? t.oid()
                : ((org.lakepg.server.table.SequenceInfo) r).oid()));
        for (Object relation : relations) {
            if (relation instanceof TableInfo t) {
                out.add(new String[] {"table " + schema.name() + "." + t.name(), owner});
                viewsOutside(txn, t.oid(), "table " + schema.name() + "." + t.name(), schema, seen, out, drop);
                if (drop) {
                    for (var q : sequences) {
                        if (q.ownedByTable() == t.oid()) { // a serial or identity column's sequence goes with it
                            tables.dropSequence(txn, q);
                            objects.privileges().dropAll(txn, CatalogClasses.PG_CLASS, q.oid());
                        }
                    }
                    tables.drop(txn, t);
                    objects.comments().dropAll(txn, CatalogClasses.PG_CLASS, t.oid());
                    objects.privileges().dropAll(txn, CatalogClasses.PG_CLASS, t.oid());
                }
            } else if (relation instanceof org.lakepg.server.table.SequenceInfo q) {
                out.add(new String[] {"sequence " + schema.name() + "." + q.name(), owner});
                if (drop) {
                    tables.dropSequence(txn, q);
                    objects.comments().dropAll(txn, CatalogClasses.PG_CLASS, q.oid());
                    objects.privileges().dropAll(txn, CatalogClasses.PG_CLASS, q.oid());
                }
            }
        }
        for (ViewInfo v : objects.views().views(txn.snapshot())) {
            if (v.namespace() == schema.oid()) {
                String name = (v.materialized() ? "materialized view " : "view ") + schema.name() + "." + v.name();
                out.add(new String[] {name, owner});
                viewsOutside(txn, v.oid(), name, schema, seen, out, drop);
                if (drop) {
                    ViewCommands.dropCompletely(objects, tables, txn, v);
                }
            }
        }
        for (FunctionCatalog.UserFunction f : objects.functions().functions(txn.snapshot())) {
            if (f.proc().namespace() == schema.oid()) {
                out.add(new String[] {(f.proc().kind() == 'p' ? "procedure " : "function ") + schema.name() + "."
                        + FunctionSignatures.describe(f.proc()), owner});
                if (drop) {
                    objects.functions().drop(txn, f.proc().oid());
                    objects.comments().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
                    objects.privileges().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
                }
            }
        }
        return out;
    }

    /** Views outside the schema standing on one of its relations, depth first as pg_depend is walked. */
    private void viewsOutside(Transaction txn, long relation, String relationName, SchemaInfo schema,
                              java.util.Set<Long> seen, List<String[]> out, boolean drop) {
        List<ViewInfo> dependents = new ArrayList<>(objects.views().dependents(txn.snapshot(), relation));
        dependents.sort(java.util.Comparator.comparingLong(ViewInfo::oid)); // creation order, not where rows moved
        for (ViewInfo v : dependents) {
            if (v.namespace() == schema.oid() || !seen.add(v.oid())) {
                continue;
            }
            String name = (v.materialized() ? "materialized view " : "view ")
                    + (v.namespace() == SchemaInfo.PUBLIC ? "" : schemaName(txn, v.namespace()) + ".")
                    + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(v.name());
            out.add(new String[] {name, relationName});
            viewsOutside(txn, v.oid(), name, schema, seen, out, drop);
            if (drop) {
                ViewCommands.dropCompletely(objects, tables, txn, v);
            }
        }
    }

    private String schemaName(Transaction txn, long namespace) {
        return objects.schemas().find(txn.snapshot(), namespace).map(SchemaInfo::name).orElse("pg_catalog");
    }

    /** A schema and everything in it, without asking (the end of a session's temporary schema). */
    void dropWithContents(Transaction txn, SchemaInfo schema) {
        contents(txn, schema, true);
        objects.schemas().drop(txn, schema);
    }

    Execution rename(SchemaInfo schema, String newName, Transaction txn) {
        if (objects.schemas().find(txn.snapshot(), newName).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_SCHEMA, "schema \"%s\" already exists", newName);
        }
        if (newName.startsWith("pg_")) {
            throw PgException.of(SqlState.RESERVED_NAME, "unacceptable schema name \"%s\"", newName)
                    .withDetail("The prefix \"pg_\" is reserved for system schemas.");
        }
        if (schema.builtIn()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "renaming schema %s is not supported yet", schema.name());
        }
        roles.requireOwner(schema.owner(), "schema", schema.name());
        objects.schemas().rename(txn, schema, newName);
        return Execution.done("ALTER SCHEMA");
    }

    Execution setOwner(SchemaInfo schema, long owner, Transaction txn) {
        if (schema.builtIn()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "changing the owner of schema %s is not supported yet",
                    schema.name());
        }
        roles.requireOwner(schema.owner(), "schema", schema.name());
        objects.schemas().setOwner(txn, schema, owner);
        return Execution.done("ALTER SCHEMA");
    }
}
