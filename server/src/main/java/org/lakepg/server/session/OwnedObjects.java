package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.txn.Snapshot;

/** What keeps a role from being dropped, as DROP ROLE's detail lists it: objects it owns and privileges it holds. */
final class OwnedObjects {
    private final ObjectCatalog objects;
    private final org.lakepg.server.table.TableCatalog tables;

    OwnedObjects(ObjectCatalog objects, org.lakepg.server.table.TableCatalog tables) {
        this.objects = objects;
        this.tables = tables;
    }

    List<String> describe(Snapshot snapshot, long role) {
        List<String> out = new ArrayList<>();
        for (var e : objects.eventTriggers().all(snapshot)) {
            if (e.owner() == role) {
                out.add("owner of event trigger " + e.name());
            }
        }
        for (SchemaInfo s : objects.schemas().schemas(snapshot)) {
            if (!s.builtIn() && s.owner() == role) {
                out.add("owner of schema " + s.name());
            }
            if (held(snapshot, CatalogClasses.PG_NAMESPACE, s.oid(), role)) {
                out.add("privileges for schema " + s.name());
            }
        }
        for (ViewInfo v : objects.views().views(snapshot)) {
            if (v.owner() == role) {
                out.add("owner of view " + v.name());
            }
            if (held(snapshot, CatalogClasses.PG_CLASS, v.oid(), role)) {
                out.add("privileges for view " + v.name());
            }
        }
        for (FunctionCatalog.UserFunction f : objects.functions().functions(snapshot)) {
            String kind = f.proc().kind() == 'p' ? "procedure " : "function ";
            if (f.owner() == role) {
                out.add("owner of " + kind + FunctionSignatures.describe(f.proc()));
            }
            if (held(snapshot, CatalogClasses.PG_PROC, f.proc().oid(), role)) {
                out.add("privileges for " + kind + FunctionSignatures.describe(f.proc()));
            }
        }
        for (var t : tables.tables(snapshot)) {
            if (objects.privileges().owner(snapshot, CatalogClasses.PG_CLASS, t.oid()).orElse(
                    org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID) == role) {
                out.add("owner of table " + t.name());
            }
            if (held(snapshot, CatalogClasses.PG_CLASS, t.oid(), role)) {
                out.add("privileges for table " + t.name());
            }
            for (var p : objects.policies().forTable(snapshot, t.oid())) {
                if (p.roles().contains(role)) {
                    out.add("target of policy " + p.name() + " on table " + t.name());
                }
            }
        }
        return out;
    }

    private boolean held(Snapshot snapshot, long classoid, long objoid, long role) {
        return objects.privileges().grants(snapshot, classoid, objoid).stream()
                .anyMatch(g -> g.grantee() == role || g.grantor() == role && g.grantee() != PrivilegeCatalog.PUBLIC);
    }
}
