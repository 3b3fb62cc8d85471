package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.lakepg.server.catalog.objects.BuiltInAcl;
import org.lakepg.server.catalog.objects.DefaultAclCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.sql.ast.AlterDefaultPrivilegesStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.GrantStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * ALTER DEFAULT PRIVILEGES and what it does to objects created afterwards (PostgreSQL's SetDefaultACL and
 * get_user_default_acl): an entry of no schema replaces the built-in default ACL of a role's new objects of a kind, an
 * entry of a schema adds to it for objects created in that schema. Type privileges are kept and shown but lakepg does
 * not check USAGE on types.
 */
final class DefaultPrivilegeCommands {
    private final ObjectCatalog objects;
    private final RoleAccess access;
    private final LongSupplier newOid;

    DefaultPrivilegeCommands(ObjectCatalog objects, RoleAccess access, LongSupplier newOid) {
        this.objects = objects;
        this.access = access;
        this.newOid = newOid;
    }

    /** pg_default_acl's letter of an object kind and how errors name it. */
    private record Kind(char letter, String typeName) {
        /** Every privilege the kind has (what ALL grants). */
        String allowed() {
            return BuiltInAcl.owner(aclKind(letter)).orElseThrow();
        }
    }

    private static Kind kind(GrantStmt action) {
        return switch (action.objtype().kind()) {
            case TABLE -> new Kind('r', "relation");
            case SEQUENCE -> new Kind('S', "sequence");
            case FUNCTION, ROUTINE, PROCEDURE -> new Kind('f', "function");
            case TYPE -> new Kind('T', "type");
            case SCHEMA -> new Kind('n', "schema");
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "unrecognized object type");
        };
    }

    Execution run(AlterDefaultPrivilegesStmt s, Transaction txn) {
        GrantStmt action = s.action();
        Kind kind = kind(action);
        List<Long> roles = new ArrayList<>();
        List<Long> schemas = new ArrayList<>();
        for (DefElem option : s.options()) {
            if (option.defname().equals("roles")) {
                @SuppressWarnings("unchecked")
                List<RoleSpec> named = (List<RoleSpec>) option.arg();
                for (RoleSpec r : named) {
                    roles.add(access.oidOf(r));
                }
            } else {
                @SuppressWarnings("unchecked")
                List<String> named = (List<String>) option.arg();
                for (String name : named) {
                    schemas.add(objects.schemas().find(txn.snapshot(), name).orElseThrow(() -> PgException.of(
                            SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name)).oid());
                }
            }
        }
        if (roles.isEmpty()) {
            roles.add(access.currentRoleOid());
        }
        if (schemas.isEmpty()) {
            schemas.add(0L);
        } else if (kind.letter() == 'n') {
            throw PgException.of(SqlState.INVALID_GRANT_OPERATION,
                    "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        }
        String letters = PrivilegeCommands.letters(action.privileges(), kind.allowed(), kind.typeName());
        List<Long> grantees = new ArrayList<>();
        for (RoleSpec r : action.grantees()) {
            grantees.add(access.oidOf(r));
        }
        for (long role : roles.stream().distinct().toList()) {
            if (!access.superuser() && !access.roles().isMemberOf(access.currentRoleOid(), role)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"%s\"",
                        access.nameOf(role));
            }
            for (long schema : schemas.stream().distinct().toList()) {
                change(txn, role, schema, kind, letters, action, grantees);
            }
        }
        return Execution.done("ALTER DEFAULT PRIVILEGES");
    }

    private void change(Transaction txn, long role, long schema, Kind kind, String letters, GrantStmt action,
                        List<Long> grantees) {
        var existing = objects.defaultAcls().find(txn.snapshot(), role, schema, kind.letter());
        Map<Long, String> acl = existing.map(e -> asMap(e.acl()))
                .orElseGet(() -> schema == 0 ? builtIn(role, kind.letter()) : new LinkedHashMap<>());
        for (long grantee : grantees.stream().distinct().toList()) {
            String current = acl.getOrDefault(grantee, "");
            String updated = action.isGrant() ? PrivilegeCommands.add(current, letters, action.grantOption())
                    : PrivilegeCommands.remove(current, letters, action.grantOption());
            if (updated.isEmpty()) {
                acl.remove(grantee);
            } else {
                acl.put(grantee, updated);
            }
        }
        boolean asDefault = schema == 0 ? acl.equals(builtIn(role, kind.letter())) : acl.isEmpty();
        if (asDefault) {
            objects.defaultAcls().remove(txn, role, schema, kind.letter());
        } else {
            objects.defaultAcls().put(txn, existing.map(DefaultAclCatalog.Entry::oid).orElseGet(newOid::getAsLong),
                    role, schema, kind.letter(), items(acl, role));
        }
    }

    /** acldefault's kind of a pg_default_acl objtype (the same letters but for sequences: 'S' there, 's' here). */
    private static char aclKind(char defaclKind) {
        return defaclKind == 'S' ? 's' : defaclKind;
    }

    /** The ACL a role's new object of a kind gets without default-privilege entries: the owner's all, PUBLIC's few. */
    static Map<Long, String> builtIn(long owner, char defaclKind) {
        char kind = aclKind(defaclKind);
        Map<Long, String> acl = new LinkedHashMap<>();
        String toPublic = BuiltInAcl.toPublic(kind);
        if (!toPublic.isEmpty()) {
            acl.put(PrivilegeCatalog.PUBLIC, toPublic);
        }
        acl.put(owner, BuiltInAcl.owner(kind).orElseThrow());
        return acl;
    }

    /**
     * The ACL entries to give an object {@code owner} just created in {@code namespace}, or none when its default
     * ACL stays (NULL in the catalogs).
     */
    Map<Long, String> forNewObject(Snapshot snapshot, long owner, long namespace, char kind) {
        var global = objects.defaultAcls().find(snapshot, owner, 0, kind);
        var inSchema = namespace == 0 ? java.util.Optional.<DefaultAclCatalog.Entry>empty()
                : objects.defaultAcls().find(snapshot, owner, namespace, kind);
        if (global.isEmpty() && inSchema.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> acl = global.map(e -> asMap(e.acl())).orElseGet(() -> builtIn(owner, kind));
        inSchema.ifPresent(e -> e.acl().forEach(i -> acl.put(i.grantee(),
                union(acl.getOrDefault(i.grantee(), ""), i.privileges()))));
        return acl.equals(builtIn(owner, kind)) ? Map.of() : acl;
    }

    /** Gives a new object the ACL its owner's default privileges say (nothing when they are the built-in ones). */
    void apply(Transaction txn, long classoid, long objoid, long owner, long namespace, char kind) {
        Map<Long, String> acl = forNewObject(txn.snapshot(), owner, namespace, kind);
        if (acl.isEmpty()) {
            return;
        }
        acl.forEach((grantee, letters) -> objects.privileges().set(txn, classoid, objoid, grantee, letters, owner));
    }

    /** Both ACL strings' privileges, a grant option where either has one. */
    private static String union(String current, String granted) {
        String out = current;
        for (int i = 0; i < granted.length(); i++) {
            boolean option = i + 1 < granted.length() && granted.charAt(i + 1) == '*';
            out = PrivilegeCommands.add(out, String.valueOf(granted.charAt(i)), option);
            if (option) {
                i++;
            }
        }
        return out;
    }

    private static Map<Long, String> asMap(List<DefaultAclCatalog.Item> items) {
        Map<Long, String> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(i.grantee(), i.privileges()));
        return out;
    }

    private static List<DefaultAclCatalog.Item> items(Map<Long, String> acl, long grantor) {
        List<DefaultAclCatalog.Item> out = new ArrayList<>();
        acl.forEach((grantee, letters) -> out.add(new DefaultAclCatalog.Item(grantee, letters, grantor)));
        return out;
    }

}
