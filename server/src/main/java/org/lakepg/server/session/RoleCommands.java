package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.auth.Membership;
import org.lakepg.server.auth.Role;
import org.lakepg.server.auth.Roles;
import org.lakepg.server.auth.SessionRoles;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AccessPriv;
import org.lakepg.server.sql.ast.AlterRoleStmt;
import org.lakepg.server.sql.ast.CreateRoleStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropRoleStmt;
import org.lakepg.server.sql.ast.GrantRoleStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.StoredCredential;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/**
 * CREATE/ALTER/DROP ROLE (USER, GROUP), GRANT/REVOKE role membership, and the checks of SET ROLE /
 * SET SESSION AUTHORIZATION. Roles belong to the cluster (auth.Roles); what a role owns is checked in
 * the current database, as far as lakepg records owners.
 */
final class RoleCommands {
    private final RoleAccess access;
    private final SessionRoles roles;
    private final ObjectCatalog objects;
    private final org.lakepg.server.table.TableCatalog tables;
    private final Consumer<PgException> notices;
    private final Consumer<VariableSetStmt> validator;
    private final Consumer<String> requireDatabase;
    private final java.util.function.LongFunction<List<String>> ownedDatabases;
    private static final SettingsRegistry SETTINGS = new SettingsRegistry();

    /**
     * @param validator checks a SET names a known setting with a valid value (as the session's SET would)
     * @param requireDatabase throws PostgreSQL's 3D000 for a database that does not exist
     * @param ownedDatabases what DROP ROLE lists for the databases a role owns
     */
    RoleCommands(RoleAccess access, ObjectCatalog objects, org.lakepg.server.table.TableCatalog tables,
                 Consumer<PgException> notices, Consumer<VariableSetStmt> validator, Consumer<String> requireDatabase,
                 java.util.function.LongFunction<List<String>> ownedDatabases) {
        this.ownedDatabases = ownedDatabases;
        this.validator = validator;
        this.requireDatabase = requireDatabase;
        this.access = access;
        this.roles = access.roles();
        this.objects = objects;
        this.tables = tables;
        this.notices = notices;
    }

    Execution create(CreateRoleStmt s) {
        Role current = access.currentRole();
        if (!current.superuser() && !current.createRole()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create role");
        }
        String name = s.role();
        checkReservedName(name);
        if (roles.find(name).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", name);
        }
        roles.lockName(name);
        Role role = Role.withDefaults(name, s.stmtType() == CreateRoleStmt.Kind.USER);
        List<RoleSpec> inRoles = new ArrayList<>();
        List<RoleSpec> members = new ArrayList<>();
        List<RoleSpec> admins = new ArrayList<>();
        for (DefElem o : s.options()) {
            switch (o.defname()) {
                case "addroleto" -> inRoles.addAll(roleList(o));
                case "rolemembers" -> members.addAll(roleList(o));
                case "adminmembers" -> admins.addAll(roleList(o));
                case "sysid" -> notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "SYSID can no longer be specified")
                        .withSeverity(PgException.Severity.NOTICE));
                default -> role = apply(role, o, current);
            }
        }
        // membership targets must exist before anything is stored
        List<Long> inRoleOids = inRoles.stream().map(access::oidOf).toList();
        List<Long> memberOids = members.stream().map(access::oidOf).toList();
        List<Long> adminOids = admins.stream().map(access::oidOf).toList();
        Role created = roles.create(role);
        for (long r : inRoleOids) {
            roles.grant(new Membership(r, created.oid(), current.oid(), false));
        }
        for (long m : memberOids) {
            roles.grant(new Membership(created.oid(), m, current.oid(), false));
        }
        for (long m : adminOids) {
            roles.grant(new Membership(created.oid(), m, current.oid(), true));
        }
        return Execution.done("CREATE ROLE");
    }

    private static void checkReservedName(String name) {
        if (name.equals("public") || name.equals("none")) {
            throw PgException.of(SqlState.RESERVED_NAME, "role name \"%s\" is reserved", name);
        }
        if (name.startsWith("pg_")) {
            throw PgException.of(SqlState.RESERVED_NAME, "role name \"%s\" is reserved", name)
                    .withDetail("Role names starting with \"pg_\" are reserved.");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<RoleSpec> roleList(DefElem o) {
        return (List<RoleSpec>) o.arg();
    }

    /** One role attribute option of CREATE/ALTER ROLE; only superusers may grant superuser-level attributes. */
    private Role apply(Role r, DefElem o, Role current) {
        boolean on = o.arg() instanceof Boolean b ? b : true;
        switch (o.defname()) {
            case "superuser", "isreplication", "bypassrls" -> {
                if (!current.superuser()) {
                    throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to %s",
                            switch (o.defname()) {
                                case "superuser" -> "create superusers";
                                case "isreplication" -> "create replication users";
                                default -> "create bypassrls users";
                            });
                }
            }
            default -> { }
        }
        return switch (o.defname()) {
            case "superuser" -> new Role(r.oid(), r.name(), on, r.inherit(), r.createRole(), r.createDb(), r.login(),
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "inherit" -> new Role(r.oid(), r.name(), r.superuser(), on, r.createRole(), r.createDb(), r.login(),
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "createrole" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), on, r.createDb(), r.login(),
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "createdb" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), on, r.login(),
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "canlogin" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(), on,
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "isreplication" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(),
                    r.login(), on, r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil());
            case "bypassrls" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(),
                    r.login(), r.replication(), on, r.connectionLimit(), r.password(), r.validUntil());
            case "connectionlimit" -> {
                int limit = Integer.parseInt(((AConst) o.arg()).value());
                if (limit < -1) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: %d", limit);
                }
                yield new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(), r.login(),
                        r.replication(), r.bypassRls(), limit, r.password(), r.validUntil());
            }
            case "password" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(),
                    r.login(), r.replication(), r.bypassRls(), r.connectionLimit(), credential(r.name(), (String) o.arg()),
                    r.validUntil());
            case "validUntil" -> new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(),
                    r.login(), r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), (String) o.arg());
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "role option %s is not supported yet",
                    o.defname());
        };
    }

    /** A password as PostgreSQL stores it: an md5 or SCRAM verifier given as such is kept, else hashed with SCRAM. */
    private static Optional<StoredCredential> credential(String role, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        if (password.matches("md5[0-9a-f]{32}")) {
            return Optional.of(new StoredCredential.Md5(password));
        }
        if (password.startsWith("SCRAM-SHA-256$")) {
            try {
                return Optional.of(new StoredCredential.Scram(password));
            } catch (RuntimeException notAVerifier) {
                // an ordinary password that merely looks like one
            }
        }
        return Optional.of(StoredCredential.scramFromPassword(password));
    }

    Execution alter(AlterRoleStmt s) {
        if (s.setstmt() != null) {
            return setSetting(s);
        }
        Role current = access.currentRole();
        long oid = access.oidOf(s.role());
        Role role = roles.find(oid).orElseThrow();
        boolean self = oid == current.oid();
        boolean onlyPassword = s.options().stream().allMatch(o -> o.defname().equals("password"));
        if (!current.superuser()) {
            if (role.superuser()) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to alter superuser roles or change superuser attribute");
            }
            if (!current.createRole() && !(self && onlyPassword)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
            }
        }
        for (DefElem o : s.options()) {
            switch (o.defname()) {
                case "rolemembers" -> {
                    // ALTER GROUP g ADD USER u / DROP USER u
                    List<AccessPriv> group = List.of(new AccessPriv(role.name(), null));
                    grantMembership(new GrantRoleStmt(group, roleList(o), o.defaction() != DefElem.Action.DROP,
                            false, null, null));
                    return Execution.done("ALTER ROLE");
                }
                case "addroleto", "adminmembers" -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "ALTER ROLE ... %s is not supported yet", o.defname());
                default -> role = apply(role, o, current);
            }
        }
        if (role.oid() == Roles.BOOTSTRAP_SUPERUSER_OID && !role.superuser()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "permission denied: bootstrap user must be superuser");
        }
        roles.replace(role);
        return Execution.done("ALTER ROLE");
    }

    /**
     * ALTER ROLE r [IN DATABASE d] SET / RESET: what the role's later sessions start with. ALTER ROLE ALL applies
     * to every role; with IN DATABASE it is the same setting as ALTER DATABASE d SET, as in PostgreSQL.
     */
    private Execution setSetting(AlterRoleStmt s) {
        Role current = access.currentRole();
        VariableSetStmt set = s.setstmt();
        String name = set.name() == null ? null : SETTINGS.canonicalName(set.name());
        String value = switch (set.kind()) {
            case SET_VALUE -> {
                validator.accept(set);
                yield SettingCommands.flatten(set.name(), set.args());
            }
            case SET_DEFAULT, RESET, RESET_ALL -> null;
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this ALTER ROLE ... SET is not supported yet");
        };
        if (set.kind() == VariableSetStmt.Kind.RESET_ALL) {
            name = null;
        }
        if (s.role() == null) { // ALTER ROLE ALL
            if (!current.superuser()) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to alter settings globally");
            }
            if (s.database() != null) {
                requireDatabase.accept(s.database());
                roles.setDatabaseSetting(s.database(), name, value);
            } else {
                roles.setSetting(0, null, name, value);
            }
            return Execution.done("ALTER ROLE");
        }
        long oid = access.oidOf(s.role());
        Role role = roles.find(oid).orElseThrow(() ->
                PgException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", s.role().rolename()));
        if (!current.superuser() && (role.superuser() || !current.createRole() && oid != current.oid())) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
        }
        if (s.database() != null) {
            requireDatabase.accept(s.database());
        }
        roles.setSetting(oid, s.database(), name, value);
        return Execution.done("ALTER ROLE");
    }

    Execution rename(String oldName, String newName) {
        Role role = access.role(oldName);
        Role current = access.currentRole();
        if (role.oid() == current.oid() || role.name().equals(access.sessionUser())) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        if (roles.find(newName).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", newName);
        }
        checkReservedName(newName);
        if (!current.superuser() && (!current.createRole() || role.superuser())) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to rename role");
        }
        roles.lockName(newName);
        boolean hadMd5 = role.password().isPresent() && role.password().get() instanceof StoredCredential.Md5;
        Role renamed = role.withName(newName);
        if (hadMd5) {
            // an md5 verifier is salted with the role name: it cannot survive a rename
            renamed = new Role(renamed.oid(), newName, renamed.superuser(), renamed.inherit(), renamed.createRole(),
                    renamed.createDb(), renamed.login(), renamed.replication(), renamed.bypassRls(),
                    renamed.connectionLimit(), Optional.empty(), renamed.validUntil());
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "MD5 password cleared because of role rename")
                    .withSeverity(PgException.Severity.NOTICE));
        }
        roles.replace(renamed);
        return Execution.done("ALTER ROLE");
    }

    Execution drop(DropRoleStmt s, Transaction txn) {
        Role current = access.currentRole();
        if (!current.superuser() && !current.createRole()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to drop role");
        }
        List<Role> found = new ArrayList<>();
        for (RoleSpec spec : s.roles()) {
            if (spec.roletype() != RoleSpec.Type.CSTRING) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "cannot use special role specifier in DROP ROLE");
            }
            Optional<Role> role = roles.find(spec.rolename());
            if (role.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "role \"%s\" does not exist, skipping",
                            spec.rolename()).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", spec.rolename());
            }
            Role r = role.get();
            if (r.oid() == current.oid()) {
                throw PgException.of(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (r.name().equals(access.sessionUser())) {
                throw PgException.of(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (r.oid() < FIRST_USER_OID) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop role %s because it is required by the database system", r.name());
            }
            if (r.superuser() && !current.superuser()) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to drop superusers");
            }
            List<String> dependents = new ArrayList<>(ownedDatabases.apply(r.oid()));
            dependents.addAll(new OwnedObjects(objects, tables).describe(txn.snapshot(), r.oid()));
            if (!dependents.isEmpty()) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "role \"%s\" cannot be dropped because some objects depend on it", r.name())
                        .withDetail(String.join("\n", dependents));
            }
            found.add(r);
        }
        for (Role r : found) {
            roles.drop(r);
        }
        return Execution.done("DROP ROLE");
    }

    Execution grantMembership(GrantRoleStmt s) {
        Role current = access.currentRole();
        for (AccessPriv granted : s.grantedRoles()) {
            Role role = access.role(granted.privName());
            for (RoleSpec spec : s.granteeRoles()) {
                long member = access.oidOf(spec);
                String memberName = access.nameOf(member);
                if (!current.superuser() && !current.createRole() && !hasAdmin(current.oid(), role.oid())) {
                    throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must have admin option on role \"%s\"",
                            role.name());
                }
                if (s.isGrant()) {
                    if (roles.isMemberOf(role.oid(), member)) {
                        throw PgException.of(SqlState.INVALID_GRANT_OPERATION, "role \"%s\" is a member of role \"%s\"",
                                role.name(), memberName);
                    }
                    boolean existed = roles.memberships().stream().anyMatch(m -> m.role() == role.oid()
                            && m.member() == member && (m.adminOption() || !s.adminOpt()));
                    if (existed) {
                        notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION,
                                "role \"%s\" is already a member of role \"%s\"", memberName, role.name())
                                .withSeverity(PgException.Severity.NOTICE));
                        continue;
                    }
                    roles.grant(new Membership(role.oid(), member, current.oid(), s.adminOpt()));
                } else if (!roles.revoke(role.oid(), member, s.adminOpt())) {
                    notices.accept(PgException.of(SqlState.WARNING, "role \"%s\" is not a member of role \"%s\"",
                            memberName, role.name()).withSeverity(PgException.Severity.WARNING));
                }
            }
        }
        return Execution.done(s.isGrant() ? "GRANT ROLE" : "REVOKE ROLE");
    }

    private boolean hasAdmin(long member, long role) {
        return roles.memberships().stream().anyMatch(m -> m.role() == role && m.member() == member && m.adminOption());
    }

    /**
     * SET ROLE / SET SESSION AUTHORIZATION are checked here before the setting changes: the role must
     * exist and the session user must be a member of it (or a superuser).
     */
    void checkSet(VariableSetStmt set, String sessionUserAtLogin) {
        if (access.inSecurityDefiner() && setsIdentity(set)) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "cannot set parameter \"%s\" within security-definer"
                    + " function", set.name());
        }
        if (set.kind() != VariableSetStmt.Kind.SET_VALUE || set.args() == null || set.args().isEmpty()) {
            return;
        }
        Object arg = set.args().get(0);
        String name = arg instanceof AConst c ? c.value() : String.valueOf(arg);
        if (set.name().equals("role")) {
            if (name.equals("none")) {
                return;
            }
            Role target = roles.find(name).orElseThrow(() -> PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "role \"%s\" does not exist", name));
            Role session = access.role(access.sessionUser());
            if (!session.superuser() && !roles.isMemberOf(session.oid(), target.oid())) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"%s\"", name);
            }
        } else {
            Role target = roles.find(name).orElseThrow(() -> PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "role \"%s\" does not exist", name));
            Role authenticated = access.role(sessionUserAtLogin);
            if (!authenticated.superuser() && !target.name().equals(authenticated.name())) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set session authorization");
            }
        }
    }

    static boolean setsIdentity(VariableSetStmt set) {
        return set.name() != null && (set.name().equals("role") || set.name().equals("session_authorization"));
    }
}
