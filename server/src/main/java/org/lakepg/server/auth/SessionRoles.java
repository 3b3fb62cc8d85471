package org.lakepg.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The roles as one session sees them: the cluster's committed roles plus the changes its open transaction made,
 * which no other session sees until COMMIT. Each change is stamped with the (sub)transaction xid it was made in, so
 * ROLLBACK TO SAVEPOINT (which aborts those xids) undoes it without any bookkeeping here. Used by one session only.
 */
public final class SessionRoles {
    private record Pending(long xid, RoleChange change) {
    }

    private final Roles cluster;
    private final Supplier<Transaction> transaction;
    private final List<Pending> pending = new ArrayList<>();
    /** The last view built: from which committed state, with which changes. */
    private RoleState view;
    private RoleState viewBase;
    private List<RoleChange> viewChanges = List.of();
    /** Moves on whenever this session's view changes without a commit (own changes, rolled back ones). */
    private long localVersion;

    /** @param transaction the session's open transaction, null between transactions */
    public SessionRoles(Roles cluster, Supplier<Transaction> transaction) {
        this.cluster = cluster;
        this.transaction = transaction;
    }

    // ---- reading: the view ----

    public Optional<Role> find(String name) {
        return state().find(name);
    }

    public Optional<Role> find(long oid) {
        return state().find(oid);
    }

    public List<Role> all() {
        return List.copyOf(state().roles.values());
    }

    public List<Membership> memberships() {
        return List.copyOf(state().memberships);
    }

    public Map<String, String> settings(long role, String database) {
        return state().settings(role, database);
    }

    /** Every ALTER ROLE ... SET value: role OID -> database ("" for all) -> name -> value (pg_db_role_setting). */
    public Map<Long, Map<String, Map<String, String>>> allSettings() {
        return java.util.Collections.unmodifiableMap(state().settings);
    }

    /** The open transaction's ALTER DATABASE ... SET/RESET changes, in order: the cluster keeps the committed ones. */
    public List<RoleChange.DatabaseSetting> pendingDatabaseSettings() {
        return liveChanges().stream()
                .flatMap(c -> c instanceof RoleChange.DatabaseSetting d ? java.util.stream.Stream.of(d)
                        : java.util.stream.Stream.empty())
                .toList();
    }

    public boolean isMemberOf(long member, long role) {
        return state().isMemberOf(member, role);
    }

    public boolean hasPrivilegesOf(long member, long role) {
        return state().hasPrivilegesOf(member, role);
    }

    /** Changes with every change of the roles this session sees (committed by anyone, or its own). */
    public long version() {
        state();
        return cluster.version() + localVersion;
    }

    private RoleState state() {
        List<RoleChange> live = liveChanges();
        RoleState base = cluster.committed();
        if (!live.equals(viewChanges)) {
            localVersion++;
            viewChanges = live;
            view = null;
        }
        if (live.isEmpty()) {
            return base;
        }
        if (view == null || viewBase != base) {
            RoleState built = base.copy();
            for (RoleChange change : live) {
                change.applyTo(built, false);
            }
            view = built;
            viewBase = base;
        }
        return view;
    }

    /** The changes of the open transaction not undone by ROLLBACK TO SAVEPOINT. */
    private List<RoleChange> liveChanges() {
        Transaction txn = transaction.get();
        if (pending.isEmpty() || txn == null || txn.state() != Transaction.State.ACTIVE) {
            return List.of();
        }
        return pending.stream().filter(p -> txn.isOwnXid(p.xid())).map(Pending::change).toList();
    }

    // ---- changing: kept until the transaction ends ----

    /**
     * Takes a role name for the open transaction until it ends, as PostgreSQL's unique index on pg_authid.rolname
     * does: a concurrent CREATE ROLE or RENAME to the same name in another transaction of this database waits for
     * it (deadlocks and lock_timeout detected as for rows). Then fails with PostgreSQL's 23505 if that transaction
     * committed the name. Sessions of other databases are not waited for: their conflict is found at COMMIT.
     */
    public void lockName(String name) {
        Transaction txn = transaction.get();
        if (txn == null) {
            return;
        }
        txn.lock(new org.lakepg.server.txn.RowLocks.RowId(PG_AUTHID, nameKey(name)),
                org.lakepg.server.txn.LockMode.UPDATE, org.lakepg.server.txn.WaitPolicy.BLOCK, "pg_authid");
        if (cluster.committed().find(name).isPresent()) {
            throw PgException.of(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"pg_authid_rolname_index\"")
                    .withDetail("Key (rolname)=(" + name + ") already exists.");
        }
    }

    private static final int PG_AUTHID = 1260;

    /** A 64-bit key for a name (FNV-1a over its UTF-16 units): collisions would only make a CREATE wait needlessly. */
    private static long nameKey(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** CREATE ROLE: the role gets its OID now (it may be granted privileges before COMMIT). */
    public Role create(Role role) {
        Role created = role.withOid(cluster.allocateOid());
        record(new RoleChange.Create(created));
        return created;
    }

    public void replace(Role role) {
        record(new RoleChange.Replace(role));
    }

    public void drop(Role role) {
        record(new RoleChange.Drop(role.oid(), role.name()));
    }

    /** ALTER ROLE ... SET name = value (value null: RESET name; name null: RESET ALL); database null for all. */
    public void setSetting(long role, String database, String name, String value) {
        record(new RoleChange.RoleSetting(role, database, name, value));
    }

    /** ALTER DATABASE ... SET name = value (value null: RESET name; name null: RESET ALL). */
    public void setDatabaseSetting(String database, String name, String value) {
        record(new RoleChange.DatabaseSetting(database, name, value));
    }

    /** GRANT role TO member (replacing an earlier grant of the same membership). */
    public void grant(Membership membership) {
        record(new RoleChange.Grant(membership));
    }

    /** REVOKE role FROM member (or only its admin option); false when it was not granted. */
    public boolean revoke(long role, long member, boolean adminOptionOnly) {
        boolean granted = state().memberships.stream().anyMatch(m -> m.role() == role && m.member() == member);
        if (granted) {
            record(new RoleChange.Revoke(role, member, adminOptionOnly));
        }
        return granted;
    }

    private void record(RoleChange change) {
        Transaction txn = transaction.get();
        if (txn == null) {
            throw new IllegalStateException("role change outside a transaction");
        }
        pending.add(new Pending(txn.xid(), change));
    }

    // ---- the end of the transaction ----

    /**
     * Makes the transaction's changes the cluster's, before the transaction itself commits (its xids must still
     * tell which changes a ROLLBACK TO SAVEPOINT undid). Throws, changing nothing, when they cannot be applied.
     */
    public void commit() {
        List<RoleChange> live = liveChanges();
        pending.clear();
        cluster.commit(live);
    }

    /** ROLLBACK: the transaction's changes are forgotten. */
    public void discard() {
        pending.clear();
    }

    /** Whether the open transaction has changes to commit. */
    public boolean hasChanges() {
        return !pending.isEmpty();
    }
}
