package org.lakepg.server.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * The roles of the cluster and their memberships (pg_authid, pg_auth_members): shared by every database,
 * as in PostgreSQL. The bootstrap superuser {@code postgres} (OID 10) always exists; its password comes from
 * the server's configuration. Roles made with CREATE ROLE are kept in a {@link RoleStorage} (the cluster's
 * shared catalog in the store), written whole on every change.
 */
public final class Roles {
    public static final String BOOTSTRAP_SUPERUSER = "postgres";
    public static final long BOOTSTRAP_SUPERUSER_OID = 10;
    private static final long FIRST_ROLE_OID = 16384;

    /** PostgreSQL 15's predefined roles, with their OIDs. */
    private static final Map<Long, String> PREDEFINED = Map.ofEntries(
            Map.entry(6171L, "pg_database_owner"), Map.entry(6181L, "pg_read_all_data"),
            Map.entry(6182L, "pg_write_all_data"), Map.entry(3373L, "pg_monitor"),
            Map.entry(3374L, "pg_read_all_settings"), Map.entry(3375L, "pg_read_all_stats"),
            Map.entry(3377L, "pg_stat_scan_tables"), Map.entry(4569L, "pg_read_server_files"),
            Map.entry(4570L, "pg_write_server_files"), Map.entry(4571L, "pg_execute_server_program"),
            Map.entry(4200L, "pg_signal_backend"), Map.entry(4544L, "pg_checkpoint"));
    public static final long PG_READ_ALL_DATA = 6181;
    public static final long PG_WRITE_ALL_DATA = 6182;

    private final Map<Long, Role> roles = new LinkedHashMap<>();
    /** The roles by name, rebuilt on every change: every statement looks its current role up, without the lock. */
    private volatile Map<String, Role> byName = Map.of();
    private final List<Membership> memberships = new ArrayList<>();
    /** ALTER ROLE ... [IN DATABASE d] SET: role OID -> database ("" for all) -> setting -> value. */
    private final Map<Long, Map<String, Map<String, String>>> settings = new LinkedHashMap<>();
    private final RoleStorage storage;
    private long nextOid = FIRST_ROLE_OID;
    /** Moves on with every change of roles or memberships: privilege decisions made before may be stale. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public Roles(Optional<String> superuserPassword) {
        this(superuserPassword, null);
    }

    /** @param storage where created roles are kept; null keeps them in memory only */
    public Roles(Optional<String> superuserPassword, RoleStorage storage) {
        this.storage = storage;
        if (storage != null) {
            load(storage.load());
        }
        for (var predefined : PREDEFINED.entrySet()) {
            roles.putIfAbsent(predefined.getKey(), new Role(predefined.getKey(), predefined.getValue(), false, true, false,
                    false, false, false, false, -1, Optional.empty(), null));
        }
        Role postgres = roles.get(BOOTSTRAP_SUPERUSER_OID);
        Optional<StoredCredential> password = superuserPassword.map(StoredCredential::scramFromPassword);
        if (postgres == null) {
            roles.put(BOOTSTRAP_SUPERUSER_OID, new Role(BOOTSTRAP_SUPERUSER_OID, BOOTSTRAP_SUPERUSER, true, true, true,
                    true, true, true, true, -1, password, null));
        } else if (password.isPresent()) {
            // the configured password wins over one set by ALTER ROLE, so an operator can always get in
            roles.put(BOOTSTRAP_SUPERUSER_OID, new Role(postgres.oid(), postgres.name(), true, postgres.inherit(),
                    true, true, true, true, true, postgres.connectionLimit(), password, postgres.validUntil()));
        }
        indexNames();
    }

    public Optional<Role> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private void indexNames() {
        Map<String, Role> names = new java.util.HashMap<>();
        for (Role r : roles.values()) {
            names.putIfAbsent(r.name(), r);
        }
        byName = names;
    }

    public synchronized Optional<Role> find(long oid) {
        return Optional.ofNullable(roles.get(oid));
    }

    public synchronized List<Role> all() {
        return List.copyOf(roles.values());
    }

    public synchronized List<Membership> memberships() {
        return List.copyOf(memberships);
    }

    /** Adds a role (its OID assigned here); the caller has checked the name is free. */
    public synchronized Role create(Role role) {
        Role created = role.withOid(nextOid++);
        roles.put(created.oid(), created);
        indexNames();
        save();
        return created;
    }

    public synchronized void replace(Role role) {
        roles.put(role.oid(), role);
        indexNames();
        save();
    }

    public synchronized void drop(long oid) {
        roles.remove(oid);
        indexNames();
        settings.remove(oid);
        memberships.removeIf(m -> m.role() == oid || m.member() == oid);
        save();
    }

    /** The settings a role's sessions start with in a database: the role's own, then those for that database. */
    public synchronized Map<String, String> settings(long role, String database) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Map<String, String>> byDatabase = settings.getOrDefault(role, Map.of());
        out.putAll(byDatabase.getOrDefault("", Map.of()));
        out.putAll(byDatabase.getOrDefault(database, Map.of()));
        return out;
    }

    /** ALTER ROLE ... SET name = value (value null: RESET name; name null: RESET ALL); database null for all. */
    public synchronized void setSetting(long role, String database, String name, String value) {
        Map<String, String> values = settings.computeIfAbsent(role, r -> new LinkedHashMap<>())
                .computeIfAbsent(database == null ? "" : database, d -> new LinkedHashMap<>());
        if (name == null) {
            values.clear();
        } else if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        save();
    }

    /** GRANT role TO member; false when it was already granted (with the same admin option). */
    public synchronized boolean grant(Membership membership) {
        boolean existed = memberships.removeIf(m -> m.role() == membership.role() && m.member() == membership.member());
        memberships.add(membership);
        save();
        return !existed;
    }

    /** REVOKE role FROM member (or only its admin option); false when it was not granted. */
    public synchronized boolean revoke(long role, long member, boolean adminOptionOnly) {
        for (int i = 0; i < memberships.size(); i++) {
            Membership m = memberships.get(i);
            if (m.role() == role && m.member() == member) {
                if (adminOptionOnly) {
                    memberships.set(i, new Membership(m.role(), m.member(), m.grantor(), false));
                } else {
                    memberships.remove(i);
                }
                save();
                return true;
            }
        }
        return false;
    }

    /** Whether {@code member} is {@code role} or a member of it, directly or through other roles. */
    public synchronized boolean isMemberOf(long member, long role) {
        if (member == role) {
            return true;
        }
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(member));
        while (!todo.isEmpty()) {
            long current = todo.pop();
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

    /** Whether {@code member} holds {@code role}'s privileges: member of it through roles that all INHERIT. */
    public synchronized boolean hasPrivilegesOf(long member, long role) {
        if (member == role) {
            return true;
        }
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(member));
        while (!todo.isEmpty()) {
            long current = todo.pop();
            Role r = roles.get(current);
            if (r != null && !r.inherit()) {
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

    // ---- the stored form: one role, membership or setting per line, tab-separated ----

    private void load(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "next" -> nextOid = Long.parseLong(f[1]);
                case "role" -> {
                    Optional<StoredCredential> password = f[11].isEmpty() ? Optional.empty()
                            : Optional.of(f[11].startsWith("md5") ? new StoredCredential.Md5(f[11])
                            : new StoredCredential.Scram(f[11]));
                    Role r = new Role(Long.parseLong(f[1]), unescape(f[2]), bool(f[3]), bool(f[4]), bool(f[5]),
                            bool(f[6]), bool(f[7]), bool(f[8]), bool(f[9]), Integer.parseInt(f[10]), password,
                            f[12].isEmpty() ? null : unescape(f[12]));
                    roles.put(r.oid(), r);
                }
                case "member" -> memberships.add(new Membership(Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]), bool(f[4])));
                case "setting" -> settings.computeIfAbsent(Long.parseLong(f[1]), r -> new LinkedHashMap<>())
                        .computeIfAbsent(unescape(f[2]), d -> new LinkedHashMap<>()).put(unescape(f[3]), unescape(f[4]));
                default -> { }
            }
        }
    }

    /** Changes with every change of a role or membership. */
    public long version() {
        return version.get();
    }

    private void save() {
        version.incrementAndGet();
        if (storage == null) {
            return;
        }
        StringBuilder out = new StringBuilder("next\t").append(nextOid).append('\n');
        for (Role r : roles.values()) {
            String password = r.password().map(p -> switch (p) {
                case StoredCredential.Md5 m -> m.hash();
                case StoredCredential.Scram s -> s.verifier();
            }).orElse("");
            out.append(String.join("\t", "role", Long.toString(r.oid()), escape(r.name()), str(r.superuser()),
                    str(r.inherit()), str(r.createRole()), str(r.createDb()), str(r.login()), str(r.replication()),
                    str(r.bypassRls()), Integer.toString(r.connectionLimit()), password,
                    r.validUntil() == null ? "" : escape(r.validUntil()))).append('\n');
        }
        for (Membership m : memberships) {
            out.append(String.join("\t", "member", Long.toString(m.role()), Long.toString(m.member()),
                    Long.toString(m.grantor()), str(m.adminOption()))).append('\n');
        }
        settings.forEach((role, byDatabase) -> byDatabase.forEach((database, values) -> values.forEach((name, value) ->
                out.append(String.join("\t", "setting", Long.toString(role), escape(database), escape(name),
                        escape(value))).append('\n'))));
        storage.store(out.toString().lines().toList());
    }

    private static boolean bool(String s) {
        return s.equals("t");
    }

    private static String str(boolean b) {
        return b ? "t" : "f";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
