package org.lakepg.server.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles, memberships and role settings as one value (pg_authid, pg_auth_members, pg_db_role_setting): the
 * cluster's committed state, or a session's view of it with its transaction's changes applied. A state that has
 * been published is never changed again; changes go to a {@link #copy()}.
 */
final class RoleState {
    final Map<Long, Role> roles;
    final List<Membership> memberships;
    /** ALTER ROLE ... [IN DATABASE d] SET: role OID -> database ("" for all) -> setting -> value. */
    final Map<Long, Map<String, Map<String, String>>> settings;
    /** The roles by name, built on first lookup; volatile since a published state is read by every session. */
    private volatile Map<String, Role> byName;

    RoleState() {
        this(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>());
    }

    private RoleState(Map<Long, Role> roles, List<Membership> memberships,
                      Map<Long, Map<String, Map<String, String>>> settings) {
        this.roles = roles;
        this.memberships = memberships;
        this.settings = settings;
    }

    RoleState copy() {
        Map<Long, Map<String, Map<String, String>>> settingsCopy = new LinkedHashMap<>();
        settings.forEach((role, byDatabase) -> {
            Map<String, Map<String, String>> databases = new LinkedHashMap<>();
            byDatabase.forEach((database, values) -> databases.put(database, new LinkedHashMap<>(values)));
            settingsCopy.put(role, databases);
        });
        return new RoleState(new LinkedHashMap<>(roles), new ArrayList<>(memberships), settingsCopy);
    }

    Optional<Role> find(String name) {
        if (byName == null) {
            Map<String, Role> names = new HashMap<>();
            for (Role r : roles.values()) {
                names.putIfAbsent(r.name(), r);
            }
            byName = names;
        }
        return Optional.ofNullable(byName.get(name));
    }

    Optional<Role> find(long oid) {
        return Optional.ofNullable(roles.get(oid));
    }

    // ---- changes (only on a state not yet published) ----

    void put(Role role) {
        roles.put(role.oid(), role);
        byName = null;
    }

    void remove(long oid) {
        roles.remove(oid);
        byName = null;
        settings.remove(oid);
        memberships.removeIf(m -> m.role() == oid || m.member() == oid);
    }

    void setSetting(long role, String database, String name, String value) {
        Map<String, String> values = settings.computeIfAbsent(role, r -> new LinkedHashMap<>())
                .computeIfAbsent(database == null ? "" : database, d -> new LinkedHashMap<>());
        RoleChange.applySetting(values, name, value);
    }

    /** Adds or replaces the membership of {@code membership.member()} in {@code membership.role()}. */
    void grant(Membership membership) {
        memberships.removeIf(m -> m.role() == membership.role() && m.member() == membership.member());
        memberships.add(membership);
    }

    boolean revoke(long role, long member, boolean adminOptionOnly) {
        for (int i = 0; i < memberships.size(); i++) {
            Membership m = memberships.get(i);
            if (m.role() == role && m.member() == member) {
                if (adminOptionOnly) {
                    memberships.set(i, new Membership(m.role(), m.member(), m.grantor(), false));
                } else {
                    memberships.remove(i);
                }
                return true;
            }
        }
        return false;
    }

    // ---- questions ----

    Map<String, String> settings(long role, String database) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Map<String, String>> byDatabase = settings.getOrDefault(role, Map.of());
        out.putAll(byDatabase.getOrDefault("", Map.of()));
        out.putAll(byDatabase.getOrDefault(database, Map.of()));
        return out;
    }

    /** Whether {@code member} is {@code role} or a member of it, directly or through other roles. */
    boolean isMemberOf(long member, long role) {
        return reaches(member, role, false);
    }

    /** Whether {@code member} holds {@code role}'s privileges: member of it through roles that all INHERIT. */
    boolean hasPrivilegesOf(long member, long role) {
        return reaches(member, role, true);
    }

    private boolean reaches(long member, long role, boolean onlyThroughInherit) {
        if (member == role) {
            return true;
        }
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(member));
        while (!todo.isEmpty()) {
            long current = todo.pop();
            Role r = roles.get(current);
            if (onlyThroughInherit && r != null && !r.inherit()) {
                continue;
            }
            for (Membership m : memberships) {
                if (m.member() == current && seen.add(m.role())) {
                    if (m.role() == role) {
                        return true;
                    }
                    todo.push(m.role());
                }
            }
        }
        return false;
    }
}
