package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.ast.DropOwnedStmt;
import org.lakepg.server.sql.ast.ReassignOwnedStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * REASSIGN OWNED BY and DROP OWNED BY, in the current database (as in PostgreSQL): the roles' schemas, tables,
 * views and functions change owner or are dropped, and DROP OWNED revokes what was granted to them.
 */
final class OwnedObjectCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final RoleAccess roles;
    private final Privileges privileges;

    OwnedObjectCommands(ObjectCatalog objects, TableCatalog tables, RoleAccess roles, Privileges privileges) {
        this.objects = objects;
        this.tables = tables;
        this.roles = roles;
        this.privileges = privileges;
    }

    private List<Long> roleOids(List<RoleSpec> specs) {
        List<Long> out = new ArrayList<>();
        for (RoleSpec spec : specs) {
            long oid = roles.oidOf(spec);
            if (!roles.hasPrivilegesOf(oid)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to %s objects",
                        "reassign");
            }
            out.add(oid);
        }
        return out;
    }

    Execution reassign(ReassignOwnedStmt s, Transaction txn) {
        List<Long> from = roleOids(s.roles());
        long to = roles.oidOf(s.newrole());
        var snapshot = txn.snapshot();
        for (SchemaInfo schema : objects.schemas().schemas(snapshot)) {
            if (!schema.builtIn() && from.contains(schema.owner())) {
                objects.schemas().setOwner(txn, schema, to);
            }
        }
        for (ViewInfo v : objects.views().views(snapshot)) {
            if (from.contains(v.owner())) {
                objects.views().replace(txn, new ViewInfo(v.oid(), v.namespace(), v.name(), v.statement(), v.columns(),
                        to, v.materialized(), v.relation(), v.dependsOn(), v.populated(), v.searchPath(),
                        v.arrayType()));
            }
        }
        for (FunctionCatalog.UserFunction f : objects.functions().functions(snapshot)) {
            if (from.contains(f.owner())) {
                objects.functions().drop(txn, f.proc().oid());
                objects.functions().create(txn, f.proc(), to);
            }
        }
        for (TableInfo t : tables.tables(snapshot)) {
            if (from.contains(privileges.tableOwner(snapshot, t.oid()))) {
                objects.privileges().setOwner(txn, CatalogClasses.PG_CLASS, t.oid(), to);
            }
        }
        return Execution.done("REASSIGN OWNED");
    }

    Execution drop(DropOwnedStmt s, Transaction txn) {
        List<Long> owners = roleOids(s.roles());
        var snapshot = txn.snapshot();
        owners.forEach(owner -> objects.defaultAcls().removeRole(txn, owner)); // as PostgreSQL's DROP OWNED does
        for (ViewInfo v : objects.views().views(snapshot)) {
            if (owners.contains(v.owner())) {
                ViewCommands.dropCompletely(objects, tables, txn, v);
            }
        }
        java.util.Set<Long> droppedFunctions = new java.util.HashSet<>();
        for (FunctionCatalog.UserFunction f : objects.functions().functions(snapshot)) {
            if (owners.contains(f.owner())) {
                droppedFunctions.add(f.proc().oid());
            }
        }
        // the roles' operators go; another role's operator on a function that goes stops it, as in PostgreSQL
        for (var op : objects.operators().operators(snapshot)) {
            if (owners.contains(op.owner())) {
                objects.operators().drop(txn, op.entry().oid());
            } else if (droppedFunctions.contains(op.entry().procedure())) {
                var f = objects.functions().find(snapshot, op.entry().procedure()).orElseThrow().proc();
                String function = FunctionSignatures.describe(f).replace(", ", ",");
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop function %s because other objects depend on it", function)
                        .withDetail("operator %s(%s) depends on function %s".formatted(op.entry().name(),
                                function.substring(function.indexOf('(') + 1, function.length() - 1), function))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
        }
        for (FunctionCatalog.UserFunction f : objects.functions().functions(snapshot)) {
            if (owners.contains(f.owner())) {
                objects.functions().drop(txn, f.proc().oid());
                objects.comments().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
                objects.privileges().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
            }
        }
        for (TableInfo t : tables.tables(txn.snapshot())) {
            if (owners.contains(privileges.tableOwner(txn.snapshot(), t.oid()))
                    && t.namespace() != SchemaInfo.PG_TOAST) {
                tables.drop(txn, t);
                objects.comments().dropAll(txn, CatalogClasses.PG_CLASS, t.oid());
                objects.privileges().dropAll(txn, CatalogClasses.PG_CLASS, t.oid());
            }
        }
        for (SchemaInfo schema : objects.schemas().schemas(txn.snapshot())) {
            if (!schema.builtIn() && owners.contains(schema.owner())) {
                boolean empty = tables.tables(txn.snapshot()).stream().noneMatch(t -> t.namespace() == schema.oid())
                        && objects.views().views(txn.snapshot()).stream().noneMatch(v -> v.namespace() == schema.oid())
                        && objects.functions().functions(txn.snapshot()).stream()
                        .noneMatch(f -> f.proc().namespace() == schema.oid());
                if (!empty) {
                    throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop schema %s because other objects depend on it", schema.name())
                            .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                }
                objects.schemas().drop(txn, schema);
                objects.privileges().dropAll(txn, CatalogClasses.PG_NAMESPACE, schema.oid());
            }
        }
        // what was granted to the roles on anything left goes too
        for (long owner : owners) {
            revokeAllFrom(txn, owner);
        }
        return Execution.done("DROP OWNED");
    }

    private void revokeAllFrom(Transaction txn, long role) {
        var snapshot = txn.snapshot();
        List<long[]> targets = new ArrayList<>();
        tables.tables(snapshot).forEach(t -> targets.add(new long[] {CatalogClasses.PG_CLASS, t.oid()}));
        objects.views().views(snapshot).forEach(v -> targets.add(new long[] {CatalogClasses.PG_CLASS, v.oid()}));
        objects.schemas().schemas(snapshot).forEach(s -> targets.add(new long[] {CatalogClasses.PG_NAMESPACE, s.oid()}));
        objects.functions().functions(snapshot).forEach(f -> targets.add(new long[] {CatalogClasses.PG_PROC,
                f.proc().oid()}));
        for (long[] t : targets) {
            for (PrivilegeCatalog.Grant g : objects.privileges().grants(snapshot, t[0], t[1])) {
                if (g.grantee() == role) {
                    objects.privileges().set(txn, t[0], t[1], role, "", g.grantor());
                }
            }
        }
    }
}
