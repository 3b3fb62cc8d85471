package org.lakepg.server.exec.operator;

import java.util.Arrays;
import java.util.Iterator;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.LockRowsNode;

/** SELECT ... FOR UPDATE/SHARE: locks each row's table row as it passes, drops the tid column. */
final class LockRows {
    private LockRows() {
    }

    static Iterator<Object[]> open(LockRowsNode node, Iterator<Object[]> input, ExecContext context) {
        HeapRelation heap = context.tables().heap(node.table());
        java.util.Map<Long, HeapRelation> members = new java.util.HashMap<>();
        for (var m : node.members()) {
            members.put(m.oid(), context.tables().heap(m));
        }
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                while (input.hasNext()) {
                    context.checkCancelled();
                    Object[] row = input.next();
                    HeapRelation rows = node.tableOidColumn() < 0 ? heap
                            : members.get(((Number) row[node.tableOidColumn()]).longValue());
                    WriteResult r = rows.lock(context.tables().transaction(), (Tid) row[node.tidColumn()], node.mode(),
                            node.policy());
                    if (r instanceof WriteResult.Ok || r instanceof WriteResult.SelfModified) {
                        return node.keepRow() ? row : Arrays.copyOf(row, node.tidColumn());
                    }
                    // deleted or updated by a transaction that committed meanwhile, or locked and SKIP LOCKED: left out
                }
                return null;
            }
        };
    }
}
