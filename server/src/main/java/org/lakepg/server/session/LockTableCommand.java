package org.lakepg.server.session;

import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.sql.ast.LockStmt;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * LOCK [TABLE] names IN mode MODE [NOWAIT]: only in a transaction block, each relation checked as PostgreSQL's
 * LockTableAclCheck does (ACCESS SHARE needs SELECT, ROW EXCLUSIVE one of INSERT/UPDATE/DELETE/TRUNCATE, stronger
 * modes one of UPDATE/DELETE/TRUNCATE), then locked in the compute's {@link org.lakepg.server.txn.RelationLocks}
 * until the transaction ends. Those locks only conflict with other LOCK TABLE statements: plain DML and DDL do
 * not take relation locks in lakepg yet. A view is locked itself, not the tables under it; ONLY and inheritance
 * children make no difference (the named relation alone is locked).
 */
final class LockTableCommand {
    private LockTableCommand() {}

    static Execution run(LockStmt s, TransactionBlock block, Transaction txn, ObjectCommands names, RoleAccess roles,
                         Privileges privileges, int pid) {
        if (!block.inTransactionBlock()) {
            throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks",
                    "LOCK TABLE");
        }
        for (var r : s.relations()) {
            SearchPath.Relation relation = names.existingRelation(r, txn);
            long oid = switch (relation) {
                case SearchPath.Relation.Table t -> t.table().oid();
                case SearchPath.Relation.View v -> v.view().oid();
            };
            if (!roles.superuser() && !allowed(s.mode(), txn, roles, privileges, oid)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for %s %s",
                        relation instanceof SearchPath.Relation.View ? "view" : "table", relation.name());
            }
            txn.lockRelation(pid, oid, s.mode(), s.nowait(), relation.name());
        }
        return Execution.done("LOCK TABLE");
    }

    private static boolean allowed(int mode, Transaction txn, RoleAccess roles, Privileges privileges, long oid) {
        String anyOf = switch (mode) {
            case 1 -> "r";
            case 3 -> "awdD";
            default -> "wdD";
        };
        long owner = privileges.tableOwner(txn.snapshot(), oid);
        for (char privilege : anyOf.toCharArray()) {
            if (privileges.holds(txn.snapshot(), roles.currentRoleOid(), CatalogClasses.PG_CLASS, oid, owner,
                    privilege)) {
                return true;
            }
        }
        return false;
    }
}
