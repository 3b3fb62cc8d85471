package org.lakepg.server.session;

import java.util.List;
import java.util.Locale;
import org.lakepg.server.auth.Role;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.systemcatalog.SystemRelation;
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
    private final ColumnPrivileges columns;

    PrivilegeInquiry(ObjectCatalog objects, SearchPath searchPath, RoleAccess roles, Privileges privileges,
                     FunctionCommands functions, ColumnPrivileges columns) {
        this.objects = objects;
        this.searchPath = searchPath;
        this.roles = roles;
        this.privileges = privileges;
        this.functions = functions;
        this.columns = columns;
    }

    Boolean hasPrivilege(Snapshot snapshot, Object role, String kind, Object object, String wanted) {
        // the has_*_privilege functions name PUBLIC as 'public' (get_role_oid_or_public); pg_has_role does not
        long roleOid = "public".equals(role) && !kind.equals("role") ? PrivilegeCatalog.PUBLIC : roleOid(role);
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
            case "column" -> column(snapshot, roleOid, (List<?>) object, wanted);
            case "any column" -> anyColumn(snapshot, roleOid, object, wanted);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private long roleOid(Object role) {
        if (role == null) {
            return roles.currentRoleOid();
        }
        if (role instanceof Long oid) {
            return oid; // no such role: PostgreSQL checks the ACL for it all the same (only PUBLIC's grants apply)
        }
        return roles.role(role.toString()).oid();
    }

    private Boolean table(Snapshot snapshot, long role, Object object, String wanted) {
        String letters = letters(wanted, List.of("select", "insert", "update", "delete", "truncate", "references",
                "trigger"), "rawdDxt");
        return relation(snapshot, role, object, letters);
    }

    private Boolean relation(Snapshot snapshot, long role, Object object, String letters) {
        long oid;
        long owner;
        if (object instanceof Long given) {
            if (!columns.relationExists(snapshot, given) && systemRelation(given) == null) {
                return null; // no relation with that OID: NULL, as PostgreSQL's has_table_privilege_id
            }
            oid = given;
            owner = objects.views().views(snapshot).stream().filter(v -> v.oid() == given).findFirst()
                    .map(v -> v.owner()).orElseGet(() -> privileges.tableOwner(snapshot, given));
        } else {
            NamedRelation named = namedRelation(snapshot, object); // a user relation, sequence or system catalog
            oid = named.oid();
            owner = named.owner();
        }
        if (publiclyReadable(oid) && asksSelectWithoutGrantOption(letters)) {
            return true;
        }
        return any(snapshot, role, CatalogClasses.PG_CLASS, oid, owner, letters);
    }

    /** System catalogs and views initdb grants SELECT on to PUBLIC (all but these, which hold secrets or files). */
    private static final java.util.Set<String> NOT_PUBLIC = java.util.Set.of("pg_authid", "pg_shadow", "pg_statistic",
            "pg_statistic_ext_data", "pg_user_mapping", "pg_subscription", "pg_largeobject", "pg_file_settings",
            "pg_hba_file_rules", "pg_ident_file_mappings", "pg_config", "pg_backend_memory_contexts",
            "pg_shmem_allocations");

    private static boolean asksSelectWithoutGrantOption(String letters) {
        int r = letters.indexOf('r');
        return r >= 0 && (r + 1 == letters.length() || letters.charAt(r + 1) != '*');
    }

    private static boolean publiclyReadable(long oid) {
        SystemRelation system = systemRelation(oid);
        return system != null && !NOT_PUBLIC.contains(system.name());
    }

    /** A table or view by OID or (possibly qualified) name with its owner; null for an OID naming none. */
    private record NamedRelation(long oid, long owner, String name) {}

    private NamedRelation namedRelation(Snapshot snapshot, Object object) {
        if (object instanceof Long oid) {
            var view = objects.views().views(snapshot).stream().filter(v -> v.oid() == oid).findFirst();
            if (view.isPresent()) {
                return new NamedRelation(oid, view.get().owner(), view.get().name());
            }
            return columns.columns(snapshot, oid).isEmpty() && systemRelation(oid) == null ? null
                    : new NamedRelation(oid, privileges.tableOwner(snapshot, oid), null);
        }
        List<String> name = List.of(object.toString().split("\\.", -1));
        var relation = searchPath.relation(snapshot, name);
        if (relation.isEmpty()) {
            var sequence = searchPath.sequence(snapshot, name);
            if (sequence.isPresent()) {
                long oid = sequence.get().oid();
                return new NamedRelation(oid, privileges.tableOwner(snapshot, oid), sequence.get().name());
            }
            var system = org.lakepg.server.systemcatalog.SystemRelations.find(name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                    "relation \"%s\" does not exist", object));
            return new NamedRelation(system.oid(), BOOTSTRAP_SUPERUSER, system.name());
        }
        return switch (relation.get()) {
            case SearchPath.Relation.Table t -> new NamedRelation(t.table().oid(),
                    privileges.tableOwner(snapshot, t.table().oid()), t.name());
            case SearchPath.Relation.View v -> new NamedRelation(v.view().oid(), v.view().owner(), v.name());
        };
    }

    private static SystemRelation systemRelation(long oid) {
        return oid < FIRST_USER_OID ? org.lakepg.server.systemcatalog.SystemRelations.byOid(oid).orElse(null) : null;
    }

    /**
     * has_column_privilege: the privilege on the column or on its table; NULL for a table OID or attnum naming
     * nothing (a dropped column included), 42703 for a column name the table lacks.
     */
    private Boolean column(Snapshot snapshot, long role, List<?> object, String wanted) {
        String letters = letters(wanted, List.of("select", "insert", "update", "references"), "rawx");
        NamedRelation relation = namedRelation(snapshot, object.get(0));
        if (relation == null) {
            return null;
        }
        Object column = object.get(1);
        SystemRelation system = columns.columns(snapshot, relation.oid()).isEmpty() ? systemRelation(relation.oid())
                : null;
        int attnum;
        if (system != null) {
            var found = system.columns().stream().filter(c -> column instanceof Number n ? c.number() == n.intValue()
                    : c.name().equals(column)).findFirst();
            if (found.isEmpty()) {
                if (column instanceof Number) {
                    return null;
                }
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                        column, system.name());
            }
            // the catalogs are readable by everyone but pg_authid's passwords, and written by superusers only
            Role r = roles.roles().find(role).orElse(null);
            return r != null && r.superuser() || letters.startsWith("r") && !system.name().equals("pg_authid");
        }
        if (column instanceof Number n) {
            if (columns.columns(snapshot, relation.oid()).stream().noneMatch(c -> c.attnum() == n.intValue())) {
                return null;
            }
            attnum = n.intValue();
        } else {
            String name = column.toString();
            var found = columns.byName(snapshot, relation.oid(), name);
            if (found.isEmpty()) {
                if (name.matches("\\.{8}pg\\.dropped\\.\\d+\\.{8}")) {
                    return null; // PostgreSQL finds the dropped attribute by this name, then reports it missing
                }
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                        name, relation.name() == null ? object.get(0) : relation.name());
            }
            attnum = found.get().attnum();
        }
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean option = i + 1 < letters.length() && letters.charAt(i + 1) == '*';
            if (option) {
                i++;
            }
            if (option ? privileges.holdsGrantOption(snapshot, role, CatalogClasses.PG_CLASS, relation.oid(),
                    relation.owner(), c) || columns.granted(snapshot, role, relation.oid(), attnum, c, true)
                    : columns.holds(snapshot, role, relation.oid(), relation.owner(), attnum, c)) {
                return true;
            }
        }
        return false;
    }

    /** has_any_column_privilege: the privilege on the table or on at least one of its columns. */
    private Boolean anyColumn(Snapshot snapshot, long role, Object object, String wanted) {
        String letters = letters(wanted, List.of("select", "insert", "update", "references"), "rawx");
        NamedRelation relation = namedRelation(snapshot, object);
        if (relation == null) {
            return null;
        }
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean option = i + 1 < letters.length() && letters.charAt(i + 1) == '*';
            if (option) {
                i++;
            }
            if (columns.holdsAny(snapshot, role, relation.oid(), relation.owner(), c, option)) {
                return true;
            }
        }
        return false;
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
        boolean superuser = roles.roles().find(member).map(Role::superuser).orElse(false);
        boolean usage = wanted.toLowerCase(Locale.ROOT).contains("usage");
        return superuser || (usage ? roles.roles().hasPrivilegesOf(member, target)
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
