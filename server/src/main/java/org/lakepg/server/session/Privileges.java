package org.lakepg.server.session;

import java.util.List;
import org.lakepg.server.auth.Role;
import org.lakepg.server.auth.Roles;
import org.lakepg.server.catalog.objects.BuiltInAcl;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Whether a role holds a privilege on an object, as PostgreSQL's aclcheck: superusers and the owner's
 * members hold everything; others what was granted to them, to a role whose privileges they inherit, or to
 * PUBLIC. An object never GRANTed/REVOKEd on has its type's default ACL.
 */
final class Privileges {
    private final ObjectCatalog objects;
    private final RoleAccess access;

    Privileges(ObjectCatalog objects, RoleAccess access) {
        this.objects = objects;
        this.access = access;
    }

    /** The owner of a table: recorded when a non-bootstrap role created it, else the bootstrap superuser. */
    long tableOwner(Snapshot snapshot, long table) {
        return objects.privileges().owner(snapshot, CatalogClasses.PG_CLASS, table).orElse(Roles.BOOTSTRAP_SUPERUSER_OID);
    }

    boolean holds(Snapshot snapshot, long role, long classoid, long objoid, long owner, char privilege) {
        Role r = access.roles().find(role).orElse(null);
        if (r != null && r.superuser() || access.roles().hasPrivilegesOf(role, owner)) {
            return true;
        }
        // pg_read_all_data / pg_write_all_data hold reading / writing everywhere (and USAGE on schemas)
        boolean reads = privilege == 'r' || classoid == CatalogClasses.PG_NAMESPACE && privilege == 'U';
        boolean writes = "awdU".indexOf(privilege) >= 0 && (classoid == CatalogClasses.PG_CLASS
                || classoid == CatalogClasses.PG_NAMESPACE && privilege == 'U');
        if (reads && access.roles().hasPrivilegesOf(role, Roles.PG_READ_ALL_DATA)
                || writes && access.roles().hasPrivilegesOf(role, Roles.PG_WRITE_ALL_DATA)) {
            return true;
        }
        if (!objects.privileges().hasAcl(snapshot, classoid, objoid)) {
            return defaultForPublic(classoid, objoid).indexOf(privilege) >= 0;
        }
        for (PrivilegeCatalog.Grant g : objects.privileges().grants(snapshot, classoid, objoid)) {
            if (g.privileges().indexOf(privilege) >= 0 && (g.grantee() == PrivilegeCatalog.PUBLIC
                    || access.roles().hasPrivilegesOf(role, g.grantee()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the role may grant the privilege on (superusers and the owner's members may). */
    boolean holdsGrantOption(Snapshot snapshot, long role, long classoid, long objoid, long owner, char privilege) {
        Role r = access.roles().find(role).orElse(null);
        if (r != null && r.superuser() || access.roles().hasPrivilegesOf(role, owner)) {
            return true;
        }
        for (PrivilegeCatalog.Grant g : objects.privileges().grants(snapshot, classoid, objoid)) {
            int at = g.privileges().indexOf(privilege);
            if (at >= 0 && at + 1 < g.privileges().length() && g.privileges().charAt(at + 1) == '*'
                    && (g.grantee() == PrivilegeCatalog.PUBLIC || access.roles().hasPrivilegesOf(role, g.grantee()))) {
                return true;
            }
        }
        return false;
    }

    /** What PUBLIC holds on an object with the default ACL (functions: EXECUTE; schema public: USAGE). */
    static String defaultForPublic(long classoid, long objoid) {
        if (classoid == CatalogClasses.PG_NAMESPACE && (objoid == SchemaInfo.PUBLIC || objoid == SchemaInfo.PG_CATALOG
                || objoid == SchemaInfo.INFORMATION_SCHEMA)) {
            return "U"; // PostgreSQL creates these schemas with PUBLIC's USAGE in their ACL; lakepg keeps it implicit
        }
        return BuiltInAcl.toPublic(BuiltInAcl.kindOf(classoid, false));
    }

    /** Whether {@code role} holds the privileges of {@code other} (its member with INHERIT, or itself). */
    boolean hasPrivilegesOf(long role, long other) {
        return access.roles().hasPrivilegesOf(role, other);
    }

    /** The owner of a table or view. */
    long relationOwner(Snapshot snapshot, long relation, boolean view) {
        return view ? objects.views().views(snapshot).stream().filter(v -> v.oid() == relation).findFirst()
                .map(v -> v.owner()).orElse(Roles.BOOTSTRAP_SUPERUSER_OID) : tableOwner(snapshot, relation);
    }

    long currentRoleOid() {
        return access.currentRoleOid();
    }

    /** 42501 "permission denied for function f" unless EXECUTE is held on every user function called. */
    void checkExecute(Snapshot snapshot, List<RelationAccessLog.Access> calls) {
        for (RelationAccessLog.Access call : calls) {
            long role = call.checkAs() >= 0 ? call.checkAs() : access.currentRoleOid();
            var function = objects.functions().find(snapshot, call.oid());
            long owner = function.map(f -> f.owner()).orElse(Roles.BOOTSTRAP_SUPERUSER_OID);
            if (!holds(snapshot, role, CatalogClasses.PG_PROC, call.oid(), owner, 'X')) {
                boolean procedure = function.map(f -> f.proc().kind() == 'p').orElse(false);
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for %s %s",
                        procedure ? "procedure" : "function", call.name());
            }
        }
    }

    /** CREATE in a schema: its owner or a holder of CREATE on it. */
    void requireCreate(Snapshot snapshot, SchemaInfo schema) {
        if (!holds(snapshot, access.currentRoleOid(), CatalogClasses.PG_NAMESPACE, schema.oid(), schema.owner(), 'C')) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema %s", schema.name());
        }
    }
}
