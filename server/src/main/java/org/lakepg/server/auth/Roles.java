package org.lakepg.server.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * The roles of the cluster and their memberships (pg_authid, pg_auth_members): shared by every database,
 * as in PostgreSQL. The bootstrap superuser {@code postgres} (OID 10) always exists; its password comes from
 * the server's configuration. Roles made with CREATE ROLE are kept in a {@link RoleStorage} (the cluster's
 * shared catalog in the store), written whole when a transaction that changed them commits; until then its changes
 * are seen only by its own session (see {@link SessionRoles}).
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

    /** The committed state: replaced whole (never changed in place) when a transaction commits role changes. */
    private volatile RoleState committed = new RoleState();
    private final RoleStorage storage;
    /** Like PostgreSQL's OID counter, not transactional: a rolled back CREATE ROLE leaves a gap. */
    private final AtomicLong nextOid = new AtomicLong(FIRST_ROLE_OID);
    /** Moves on with every change of roles or memberships: privilege decisions made before may be stale. */
    private final AtomicLong version = new AtomicLong();

    public Roles(Optional<String> superuserPassword) {
        this(superuserPassword, null);
    }

    /** @param storage where created roles are kept; null keeps them in memory only */
    public Roles(Optional<String> superuserPassword, RoleStorage storage) {
        this.storage = storage;
        RoleState state = new RoleState();
        if (storage != null) {
            load(storage.load(), state);
        }
        for (var predefined : PREDEFINED.entrySet()) {
            if (state.find(predefined.getKey()).isEmpty()) {
                state.put(new Role(predefined.getKey(), predefined.getValue(), false, true, false, false, false, false,
                        false, -1, Optional.empty(), null));
            }
        }
        Role postgres = state.roles.get(BOOTSTRAP_SUPERUSER_OID);
        Optional<StoredCredential> password = superuserPassword.map(StoredCredential::scramFromPassword);
        if (postgres == null) {
            state.put(new Role(BOOTSTRAP_SUPERUSER_OID, BOOTSTRAP_SUPERUSER, true, true, true,
                    true, true, true, true, -1, password, null));
        } else if (password.isPresent()) {
            // the configured password wins over one set by ALTER ROLE, so an operator can always get in
            state.put(new Role(postgres.oid(), postgres.name(), true, postgres.inherit(),
                    true, true, true, true, true, postgres.connectionLimit(), password, postgres.validUntil()));
        }
        committed = state;
    }

    /** The committed state, which sessions' views start from. */
    RoleState committed() {
        return committed;
    }

    public Optional<Role> find(String name) {
        return committed.find(name);
    }

    public Optional<Role> find(long oid) {
        return committed.find(oid);
    }

    public List<Role> all() {
        return List.copyOf(committed.roles.values());
    }

    public List<Membership> memberships() {
        return List.copyOf(committed.memberships);
    }

    /** The settings a role's sessions start with in a database: the role's own, then those for that database. */
    public Map<String, String> settings(long role, String database) {
        return committed.settings(role, database);
    }

    public boolean isMemberOf(long member, long role) {
        return committed.isMemberOf(member, role);
    }

    public boolean hasPrivilegesOf(long member, long role) {
        return committed.hasPrivilegesOf(member, role);
    }

    /** An OID for a new role, taken at CREATE ROLE so the transaction can already grant it privileges. */
    long allocateOid() {
        return nextOid.getAndIncrement();
    }

    /**
     * Commits a transaction's changes: replays them on the committed state, failing as PostgreSQL would if another
     * session's commit conflicts (a role name taken meanwhile: 42710), then stores the new state (and the
     * transaction's ALTER DATABASE ... SET changes) before publishing it. One lock for the cluster: commits of role
     * changes are serialized, so none is lost. Without a storage, database settings are not kept (tests only).
     */
    public synchronized void commit(List<RoleChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        RoleState next = committed.copy();
        for (RoleChange change : changes) {
            change.applyTo(next, true);
        }
        List<RoleChange.DatabaseSetting> databaseSettings = changes.stream()
                .flatMap(c -> c instanceof RoleChange.DatabaseSetting d ? java.util.stream.Stream.of(d)
                        : java.util.stream.Stream.empty()).toList();
        boolean rolesChanged = databaseSettings.size() < changes.size();
        if (storage != null) {
            storage.store(rolesChanged ? Optional.of(lines(next)) : Optional.empty(), databaseSettings);
        }
        if (rolesChanged) {
            committed = next;
            version.incrementAndGet();
        }
    }

    private void load(List<String> lines, RoleState state) {
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "next" -> nextOid.set(Long.parseLong(f[1]));
                case "role" -> {
                    Optional<StoredCredential> password = f[11].isEmpty() ? Optional.empty()
                            : Optional.of(f[11].startsWith("md5") ? new StoredCredential.Md5(f[11])
                            : new StoredCredential.Scram(f[11]));
                    Role r = new Role(Long.parseLong(f[1]), unescape(f[2]), bool(f[3]), bool(f[4]), bool(f[5]),
                            bool(f[6]), bool(f[7]), bool(f[8]), bool(f[9]), Integer.parseInt(f[10]), password,
                            f[12].isEmpty() ? null : unescape(f[12]));
                    state.put(r);
                }
                case "member" -> state.memberships.add(new Membership(Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]), bool(f[4])));
                case "setting" -> state.settings.computeIfAbsent(Long.parseLong(f[1]), r -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(unescape(f[2]), d -> new java.util.LinkedHashMap<>()).put(unescape(f[3]), unescape(f[4]));
                default -> { }
            }
        }
    }

    /** Changes with every change of a role or membership. */
    public long version() {
        return version.get();
    }

    private List<String> lines(RoleState state) {
        StringBuilder out = new StringBuilder("next\t").append(nextOid.get()).append('\n');
        for (Role r : state.roles.values()) {
            String password = r.password().map(p -> switch (p) {
                case StoredCredential.Md5 m -> m.hash();
                case StoredCredential.Scram s -> s.verifier();
            }).orElse("");
            out.append(String.join("\t", "role", Long.toString(r.oid()), escape(r.name()), str(r.superuser()),
                    str(r.inherit()), str(r.createRole()), str(r.createDb()), str(r.login()), str(r.replication()),
                    str(r.bypassRls()), Integer.toString(r.connectionLimit()), password,
                    r.validUntil() == null ? "" : escape(r.validUntil()))).append('\n');
        }
        for (Membership m : state.memberships) {
            out.append(String.join("\t", "member", Long.toString(m.role()), Long.toString(m.member()),
                    Long.toString(m.grantor()), str(m.adminOption()))).append('\n');
        }
        state.settings.forEach((role, byDatabase) -> byDatabase.forEach((database, values) -> values.forEach((name, value) ->
                out.append(String.join("\t", "setting", Long.toString(role), escape(database), escape(name),
                        escape(value))).append('\n'))));
        return out.toString().lines().toList();
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
