package org.lakepg.server.exec.operator;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.constraint.ForeignKeys;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.MergeActions;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * MERGE (PostgreSQL's ExecMerge): for each source row joined to a target row the first WHEN MATCHED clause whose
 * condition holds updates, deletes or does nothing; for a source row without one the first WHEN NOT MATCHED clause
 * inserts or does nothing. A target row the command already changed cannot be changed again (21000), and a row
 * a concurrent transaction changed is a serialization failure rather than re-checked.
 */
final class MergeOperator {
    private MergeOperator() {}

    private record Compiled(MergeActions.Kind kind, CompiledExpr condition, List<CompiledExpr> row) {}

    /** Runs the whole MERGE and returns one empty row per row inserted, updated or deleted (the tag's count). */
    static Iterator<Object[]> run(ModifyNode node, Iterator<Object[]> input, ExprCompiler compiler, ExecContext context) {
        Transaction txn = context.tables().transaction();
        TableInfo table = node.table();
        TableCatalog catalog = context.tables().catalog();
        HeapRelation heap = context.tables().heap(table);
        RowCodec codec = new RowCodec(table.columnTypes());
        List<IndexInfo> indexes = catalog.indexes(txn.snapshot(), table.oid());
        List<CompiledExpr> checks = node.checks().stream().map(c -> compiler.compile(c.condition())).toList();
        MergeActions merge = node.merge();
        List<Compiled> matched = compile(merge.matched(), compiler);
        List<Compiled> notMatched = compile(merge.notMatched(), compiler);
        ForeignKeys foreignKeys = new ForeignKeys(context.tables(), context.tables().deferredChecks());
        boolean keysUnused = foreignKeys.unused(table);
        int width = table.columns().size();
        int tidAt = merge.sourceWidth() + width;
        long affected = 0;
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] joined = input.next();
            Tid tid = (Tid) joined[tidAt];
            Compiled action = first(tid != null ? matched : notMatched, joined, context);
            if (action == null || action.kind() == MergeActions.Kind.NOTHING) {
                continue;
            }
            switch (action.kind()) {
                case INSERT -> {
                    Object[] row = evaluate(action.row(), joined, context);
                    TableOperators.checkRow(table, node, checks, row, context);
                    catalog.insertRow(txn, table, indexes, codec, row);
                    if (!keysUnused) {
                        foreignKeys.referencingRowWritten(table, null, row);
                    }
                }
                case UPDATE -> {
                    Object[] row = evaluate(action.row(), joined, context);
                    TableOperators.checkRow(table, node, checks, row, context);
                    WriteResult r = heap.update(txn, tid, codec.encode(row), indexes.isEmpty(), WaitPolicy.BLOCK);
                    Tid newTid = accepted(r);
                    if (!indexes.isEmpty() && !heap.isHeapOnly(newTid)) {
                        catalog.indexRow(txn, table, indexes, row, newTid);
                    }
                    if (!keysUnused) {
                        Object[] old = Arrays.copyOfRange(joined, merge.sourceWidth(), tidAt);
                        foreignKeys.referencedRowChanged(table, old, row);
                        foreignKeys.referencingRowWritten(table, old, row);
                    }
                }
                case DELETE -> {
                    accepted(heap.delete(txn, tid, WaitPolicy.BLOCK));
                    if (!keysUnused) {
                        foreignKeys.referencedRowDeleted(table, Arrays.copyOfRange(joined, merge.sourceWidth(), tidAt));
                    }
                }
                default -> throw new IllegalStateException();
            }
            affected++;
        }
        foreignKeys.finishStatement();
        return Collections.nCopies((int) Math.min(affected, Integer.MAX_VALUE), new Object[0]).iterator();
    }

    private static List<Compiled> compile(List<MergeActions.Action> actions, ExprCompiler compiler) {
        return actions.stream().map(a -> new Compiled(a.kind(), a.condition() == null ? null
                : compiler.compile(a.condition()), a.row().stream().map(compiler::compile).toList())).toList();
    }

    private static Compiled first(List<Compiled> actions, Object[] joined, ExecContext context) {
        for (Compiled a : actions) {
            if (a.condition() == null || Boolean.TRUE.equals(a.condition().eval(joined, context))) {
                return a;
            }
        }
        return null;
    }

    private static Object[] evaluate(List<CompiledExpr> row, Object[] joined, ExecContext context) {
        Object[] out = new Object[row.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row.get(i).eval(joined, context);
        }
        return out;
    }

    /** The tid an update or delete left; a row this command changed already, or another transaction did, fails. */
    private static Tid accepted(WriteResult result) {
        return switch (result) {
            case WriteResult.Ok ok -> ok.tid();
            case WriteResult.SelfModified self -> throw PgException.of(SqlState.CARDINALITY_VIOLATION,
                    "MERGE command cannot affect row a second time")
                    .withHint("Ensure that not more than one source row matches any one target row.");
            default -> throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent update");
        };
    }
}
