package org.lakepg.server.auth;

import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One change a transaction made to the cluster's shared catalog (roles, memberships, role and database settings).
 * A transaction keeps its changes until it commits; they are then replayed on the committed state of that moment,
 * checked again ({@code strict}), because other sessions may have committed conflicting ones meanwhile.
 */
public sealed interface RoleChange {

    /** Applies the change; when strict, first fails as PostgreSQL would on a conflict with the state. */
    void applyTo(RoleState state, boolean strict);

    /**
     * One SET (value non-null), RESET (value null) or RESET ALL (name null) on a role's or database's settings.
     * Names compare case-insensitively, as PostgreSQL's GUC names do (older stores kept them in lower case).
     */
    static void applySetting(Map<String, String> values, String name, String value) {
        if (name == null) {
            values.clear();
            return;
        }
        values.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        if (value != null) {
            values.put(name, value);
        }
    }

    record Create(Role role) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            if (strict && state.find(role.name()).isPresent()) {
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", role.name());
            }
            state.put(role);
        }
    }

    /** ALTER ROLE attributes, password or RENAME: the role as it is now. */
    record Replace(Role role) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            if (strict) {
                requireRole(state, role.oid(), role.name());
                state.find(role.name()).filter(other -> other.oid() != role.oid()).ifPresent(other -> {
                    throw PgException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", role.name());
                });
            }
            state.put(role);
        }
    }

    record Drop(long oid, String name) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            if (strict) {
                requireRole(state, oid, name);
            }
            state.remove(oid);
        }
    }

    /** ALTER ROLE ... [IN DATABASE d] SET/RESET (name null: RESET ALL; value null: RESET name). */
    /** ALTER ROLE ... SET; role 0 is ALTER ROLE ALL. */
    record RoleSetting(long role, String database, String name, String value) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            if (strict && role != 0) {
                requireRole(state, role);
            }
            state.setSetting(role, database, name, value);
        }
    }

    record Grant(Membership membership) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            if (strict) {
                requireRole(state, membership.role());
                requireRole(state, membership.member());
            }
            state.grant(membership);
        }
    }

    record Revoke(long role, long member, boolean adminOptionOnly) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
            state.revoke(role, member, adminOptionOnly);
        }
    }

    /** ALTER DATABASE ... SET/RESET (value null: RESET; name null: RESET ALL): kept by the cluster, not in the role state. */
    record DatabaseSetting(String database, String name, String value) implements RoleChange {
        @Override
        public void applyTo(RoleState state, boolean strict) {
        }
    }

    /** A role another session dropped since this transaction saw it. */
    private static void requireRole(RoleState state, long oid) {
        if (state.find(oid).isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "role with OID %d does not exist", oid);
        }
    }

    /** A role another session dropped since this transaction saw it. */
    private static void requireRole(RoleState state, long oid, String name) {
        if (state.find(oid).isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
        }
    }
}
