package org.lakepg.server.session;

import java.util.List;
import java.util.Locale;
import org.lakepg.server.auth.Role;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/**
 * has_table_privilege, has_sequence_privilege, has_schema_privilege, has_function_privilege,
 * has_tablespace_privilege and pg_has_role, with PostgreSQL's
 * errors for unknown names and privilege words; an OID naming nothing gives NULL.
 */
final class PrivilegeInquiry {
    private final ObjectCatalog objects;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Privileges privileges;
    private final FunctionCommands functions;

    PrivilegeInquiry(ObjectCatalog objects, SearchPath searchPath, RoleAccess roles, Privileges privileges,
                     FunctionCommands functions) {
        this.objects = objects;
        this.searchPath = searchPath;
        this.roles = roles;
        this.privileges = privileges;
        this.functions = functions;
    }

    Boolean hasPrivilege(Snapshot snapshot, Object role, String kind, Object object, String wanted) {
        long roleOid = roleOid(role);
        if (roleOid == Long.MIN_VALUE) {
            return null;
        }
        return switch (kind) {
            case "table" -> table(snapshot, roleOid, object, wanted);
            case "sequence" -> relation(snapshot, roleOid, object,
                    letters(wanted, List.of("usage", "select", "update"), "Urw"));
            case "tablespace" -> tablespace(roleOid, object, wanted);
            case "schema" -> schema(snapshot, roleOid, object, wanted);
            case "function" -> function(snapshot, roleOid, object, wanted);
            case "role" -> role(roleOid, object, wanted);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private long roleOid(Object role) {
        if (role == null) {
            return roles.currentRoleOid();
        }
        if (role instanceof Long oid) {
            return roles.roles().find(oid).map(Role::oid).orElse(Long.MIN_VALUE);
        }
        return roles.role(role.toString()).oid();
    }

    private Boolean table(Snapshot snapshot, long role, Object object, String wanted) {
        String letters = letters(wanted, List.of("select", "insert", "update", "delete", "truncate", "references",
                "trigger"), "rawdDxt");
        return relation(snapshot, role, object, letters);
    }

    private Boolean relation(Snapshot snapshot, long role, Object object, String letters) {
        SearchPath.Relation relation;
        if (object instanceof Long oid) {
            var view = objects.views().views(snapshot).stream().filter(v -> v.oid() == oid).findFirst();
            if (view.isPresent()) {
                return any(snapshot, role, CatalogClasses.PG_CLASS, oid, view.get().owner(), letters);
            }
            return any(snapshot, role, CatalogClasses.PG_CLASS, oid, privileges.tableOwner(snapshot, oid), letters);
        }
        List<String> name = List.of(object.toString().split("\\.", -1));
        relation = searchPath.relation(snapshot, name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                "relation \"%s\" does not exist", object));
        long owner = switch (relation) {
            case SearchPath.Relation.Table t -> privileges.tableOwner(snapshot, t.table().oid());
            case SearchPath.Relation.View v -> v.view().owner();
        };
        long oid = switch (relation) {
            case SearchPath.Relation.Table t -> t.table().oid();
            case SearchPath.Relation.View v -> v.view().oid();
        };
        return any(snapshot, role, CatalogClasses.PG_CLASS, oid, owner, letters);
    }

    /**
     * pg_default and pg_global keep initdb's empty ACL: only their owner, the bootstrap superuser, (and any
     * superuser) may create in them.
     */
    private Boolean tablespace(long role, Object object, String wanted) {
        letters(wanted, List.of("create"), "C");
        String name = object instanceof Long oid ? (oid == DEFAULT_TABLESPACE ? "pg_default"
                : oid == GLOBAL_TABLESPACE ? "pg_global" : null) : object.toString();
        if (name == null) {
            return null;
        }
        if (!name.equals("pg_default") && !name.equals("pg_global")) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "tablespace \"%s\" does not exist", name);
        }
        return role == BOOTSTRAP_SUPERUSER || roles.roles().find(role).map(Role::superuser).orElse(false);
    }

    private static final long DEFAULT_TABLESPACE = 1663;
    private static final long GLOBAL_TABLESPACE = 1664;
    private static final long BOOTSTRAP_SUPERUSER = 10;

    private Boolean schema(Snapshot snapshot, long role, Object object, String wanted) {
        String letters = letters(wanted, List.of("usage", "create"), "UC");
        var schema = object instanceof Long oid ? objects.schemas().find(snapshot, oid)
                : objects.schemas().find(snapshot, object.toString());
        if (schema.isEmpty()) {
            if (object instanceof Long) {
                return null;
            }
            throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", object);
        }
        SchemaInfo s = schema.get();
        return any(snapshot, role, CatalogClasses.PG_NAMESPACE, s.oid(), s.owner(), letters);
    }

    private Boolean function(Snapshot snapshot, long role, Object object, String wanted) {
        String letters = letters(wanted, List.of("execute"), "X");
        if (!(object instanceof Long oid)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "has_function_privilege by name is not supported yet");
        }
        var f = objects.functions().find(snapshot, oid);
        if (f.isEmpty()) {
            return oid < FIRST_USER_OID ? Boolean.TRUE : null; // built-in functions are executable by PUBLIC
        }
        return any(snapshot, role, CatalogClasses.PG_PROC, oid, f.get().owner(), letters);
    }

    private Boolean role(long member, Object object, String wanted) {
        letters(wanted, List.of("member", "usage"), "MU");
        long target = roleOid(object);
        if (target == Long.MIN_VALUE) {
            return null;
        }
        Role r = roles.roles().find(member).orElseThrow();
        boolean usage = wanted.toLowerCase(Locale.ROOT).contains("usage");
        return r.superuser() || (usage ? roles.roles().hasPrivilegesOf(member, target)
                : roles.roles().isMemberOf(member, target));
    }

    /** Any of the letters; a letter followed by '*' asks for its grant option too. */
    private boolean any(Snapshot snapshot, long role, long classoid, long oid, long owner, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean option = i + 1 < letters.length() && letters.charAt(i + 1) == '*';
            if (option) {
                i++;
            }
            if (option ? privileges.holdsGrantOption(snapshot, role, classoid, oid, owner, c)
                    : privileges.holds(snapshot, role, classoid, oid, owner, c)) {
                return true;
            }
        }
        return false;
    }

    /** The letters of a privilege list like "SELECT, UPDATE WITH GRANT OPTION"; 22023 for an unknown word. */
    private static String letters(String wanted, List<String> words, String codes) {
        StringBuilder out = new StringBuilder();
        for (String item : wanted.split(",")) {
            String word = item.strip().toLowerCase(Locale.ROOT);
            boolean option = word.endsWith(" with grant option");
            if (option) {
                word = word.substring(0, word.length() - " with grant option".length()).strip();
            }
            int i = words.indexOf(word);
            if (i < 0) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized privilege type: \"%s\"", item.strip());
            }
            out.append(codes.charAt(i)).append(option ? "*" : "");
        }
        return out.toString();
    }
}
