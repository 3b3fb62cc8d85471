package org.lakepg.server.session;

import org.lakepg.server.auth.Role;
import org.lakepg.server.auth.SessionRoles;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Who a session is: the session user (session_authorization) and the current role (SET ROLE), both kept
 * as settings so they follow transaction rollback; and the ownership checks PostgreSQL makes.
 */
final class RoleAccess {
    private final SessionRoles roles;
    private final SessionSettings settings;
    private final String authenticatedUser;

    RoleAccess(SessionRoles roles, SessionSettings settings, String authenticatedUser) {
        this.roles = roles;
        this.settings = settings;
        this.authenticatedUser = authenticatedUser;
    }

    /** The role the connection logged in as (SET SESSION AUTHORIZATION needs it to be a superuser). */
    String authenticatedUser() {
        return authenticatedUser;
    }

    SessionRoles roles() {
        return roles;
    }

    String sessionUser() {
        return settings.get("session_authorization");
    }

    String currentUser() {
        String definer = definers.peek();
        if (definer != null) {
            return definer;
        }
        String role = settings.get("role");
        return role.equals("none") ? sessionUser() : role;
    }

    /** Owners of the SECURITY DEFINER functions running now, innermost first: the current user while one runs. */
    private final java.util.ArrayDeque<String> definers = new java.util.ArrayDeque<>();

    /** Runs a SECURITY DEFINER function's body as its owner (PostgreSQL's fmgr_security_definer). */
    <T> T asDefiner(String owner, java.util.function.Supplier<T> body) {
        definers.push(owner);
        try {
            return body.get();
        } finally {
            definers.pop();
        }
    }

    /** Whether a SECURITY DEFINER function is running (SET ROLE is refused there, as in PostgreSQL). */
    boolean inSecurityDefiner() {
        return !definers.isEmpty();
    }

    /** The current role; a role dropped under a session reads as an unprivileged one. */
    Role currentRole() {
        String name = currentUser();
        return roles.find(name).orElse(Role.withDefaults(name, false).withOid(-2));
    }

    long currentRoleOid() {
        return currentRole().oid();
    }

    boolean superuser() {
        return currentRole().superuser();
    }

    /** A role named in a statement: its OID, PUBLIC as 0; 42704 when there is none. */
    long oidOf(RoleSpec spec) {
        return switch (spec.roletype()) {
            case PUBLIC -> PrivilegeCatalog.PUBLIC;
            case CURRENT_ROLE, CURRENT_USER -> currentRoleOid();
            case SESSION_USER -> roles.find(sessionUser()).map(Role::oid).orElse(-2L);
            case CSTRING -> role(spec.rolename()).oid();
        };
    }

    Role role(String name) {
        return roles.find(name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "role \"%s\" does not exist", name));
    }

    String nameOf(long oid) {
        if (oid == PrivilegeCatalog.PUBLIC) {
            return "PUBLIC";
        }
        return roles.find(oid).map(Role::name).orElse(Long.toString(oid));
    }

    /** Whether the current role holds the owner's privileges (superusers hold every role's). */
    boolean hasPrivilegesOf(long owner) {
        Role current = currentRole();
        return current.superuser() || roles.hasPrivilegesOf(current.oid(), owner);
    }

    /** 42501 "must be owner of KIND NAME" unless the current role may act as the owner. */
    void requireOwner(long owner, String kind, String name) {
        if (!hasPrivilegesOf(owner)) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of %s %s", kind, name);
        }
    }
}
