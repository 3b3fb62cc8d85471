package org.lakepg.server.session;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The privilege check of a statement's relations, as PostgreSQL's ExecCheckRTPerms: each relation it read needs
 * SELECT on the columns read (on any column when none was, as count(*)), its target the privileges of its change —
 * INSERT and UPDATE on the columns written when not on the whole table — and SELECT on what it reads of the target.
 * A privilege on the table covers all its columns. 42501 "permission denied for table t" otherwise.
 */
final class RelationAccessCheck {
    private final Privileges privileges;
    private final ColumnPrivileges columns;

    RelationAccessCheck(Privileges privileges, ColumnPrivileges columns) {
        this.privileges = privileges;
        this.columns = columns;
    }

    /**
     * What a write through updatable views does to one level of the chain (the view named, each view under it, the
     * table at the bottom), in that level's column names: PostgreSQL's insertedCols / updatedCols / selectedCols of
     * the level's range-table entry.
     *
     * @param writes   each privilege of the change with the columns written (as {@link ModifyingCteTargets.Target})
     * @param reads    the columns read
     * @param readsRows whether rows are read at all (SELECT needed on some column even when no column is named)
     */
    record Level(Map<Character, List<String>> writes, Set<String> reads, boolean readsRows) {}

    /**
     * @param target      what the statement writes (null: a query), checked on the leading {@code targetCount}
     *                    accesses: the view it names, the views under it and the table at the bottom
     * @param reads       the columns read of each relation
     * @param levels      through views: what each of the leading {@code targetCount} accesses is done (else null)
     * @param locked      the accesses SELECT ... FOR UPDATE/SHARE locks (by identity): UPDATE on them or a column
     */
    void check(Snapshot snapshot, List<RelationAccessLog.Access> accesses, ModifyingCteTargets.Target target,
               RelationAccessLog.ColumnReads reads, int targetCount, List<Level> levels,
               Set<RelationAccessLog.Access> locked) {
        for (int i = 0; i < accesses.size(); i++) {
            RelationAccessLog.Access a = accesses.get(i);
            long role = a.checkAs() >= 0 ? a.checkAs() : privileges.currentRoleOid();
            long owner = privileges.relationOwner(snapshot, a.oid(), a.view());
            Set<Integer> read = reads.of(a.oid(), a.checkAs());
            boolean isTarget = target != null && i < targetCount && target.privilege() != 'r';
            boolean allowed;
            if (!isTarget) {
                allowed = mayRead(snapshot, role, a.oid(), owner, read) && (!locked.contains(a)
                        || columns.holdsAny(snapshot, role, a.oid(), owner, 'w', false));
            } else if (targetCount == 1) {
                allowed = mayWrite(snapshot, role, a.oid(), owner, target.writes(), true)
                        && (read.isEmpty() && !target.read() || mayRead(snapshot, role, a.oid(), owner, read));
            } else if (levels == null || i >= levels.size()) {
                allowed = mayWrite(snapshot, role, a.oid(), owner, target.writes(), false) && (!target.read()
                        || privileges.holds(snapshot, role, CatalogClasses.PG_CLASS, a.oid(), owner, 'r'));
            } else {
                // through views: each level by column, in its own column names
                Level level = levels.get(i);
                allowed = mayWrite(snapshot, role, a.oid(), owner, level.writes(), true)
                        && (level.reads().isEmpty() && !level.readsRows()
                        || mayRead(snapshot, role, a.oid(), owner, attnums(snapshot, a.oid(), level.reads())));
            }
            if (!allowed) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for %s %s",
                        a.view() ? "view" : "table", a.name());
            }
        }
    }

    private Set<Integer> attnums(Snapshot snapshot, long relation, Set<String> names) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (ColumnPrivileges.Column c : columns.columns(snapshot, relation)) {
            if (names.contains(c.name())) {
                out.add(c.attnum());
            }
        }
        return out;
    }

    /** SELECT on the columns read, or on any column when none is (a whole-row-less count(*), EXISTS). */
    private boolean mayRead(Snapshot snapshot, long role, long relation, long owner, Set<Integer> read) {
        return read.isEmpty() ? columns.holdsAny(snapshot, role, relation, owner, 'r', false)
                : columns.holdsAll(snapshot, role, relation, owner, read, 'r');
    }

    /** Each privilege of the change: on the table, or for INSERT/UPDATE on every column written (any when none). */
    private boolean mayWrite(Snapshot snapshot, long role, long relation, long owner, Map<Character, List<String>> writes,
                             boolean byColumn) {
        for (var w : writes.entrySet()) {
            char privilege = w.getKey();
            if (privileges.holds(snapshot, role, CatalogClasses.PG_CLASS, relation, owner, privilege)) {
                continue;
            }
            if (!byColumn || privilege != 'a' && privilege != 'w') {
                return false;
            }
            List<ColumnPrivileges.Column> all = columns.columns(snapshot, relation);
            List<ColumnPrivileges.Column> written = w.getValue() == null ? all : all.stream()
                    .filter(c -> w.getValue().contains(c.name())).toList();
            boolean ok = written.isEmpty() ? columns.holdsAny(snapshot, role, relation, owner, privilege, false)
                    : written.stream().allMatch(c -> columns.granted(snapshot, role, relation, c.attnum(), privilege,
                    false));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
