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
        CompiledExpr on = compiler.compile(merge.on());
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] joined = input.next();
            // READ COMMITTED: a target row changed concurrently is re-joined in its newest version and the WHEN
            // clauses are evaluated again from the first (PostgreSQL's EvalPlanQual for MERGE)
            while (true) {
                Tid tid = (Tid) joined[tidAt];
                Compiled action = first(tid != null ? matched : notMatched, joined, context);
                if (action == null || action.kind() == MergeActions.Kind.NOTHING) {
                    break;
                }
                Object[] retry = switch (action.kind()) {
                    case INSERT -> {
                        Object[] row = evaluate(action.row(), joined, context);
                        TableOperators.checkRow(table, node, checks, row, context);
                        catalog.insertRow(txn, table, indexes, codec, row);
                        if (!keysUnused) {
                            foreignKeys.referencingRowWritten(table, null, row);
                        }
                        yield null;
                    }
                    case UPDATE -> {
                        Object[] row = evaluate(action.row(), joined, context);
                        TableOperators.checkRow(table, node, checks, row, context);
                        WriteResult r = heap.update(txn, tid, codec.encode(row), indexes.isEmpty(), WaitPolicy.BLOCK);
                        if (!(r instanceof WriteResult.Ok ok)) {
                            yield rejoin(r, joined, merge, width, heap, codec, txn, on, context);
                        }
                        if (!indexes.isEmpty() && !heap.isHeapOnly(ok.tid())) {
                            catalog.indexRow(txn, table, indexes, row, ok.tid());
                        }
                        if (!keysUnused) {
                            Object[] old = Arrays.copyOfRange(joined, merge.sourceWidth(), tidAt);
                            foreignKeys.referencedRowChanged(table, old, row);
                            foreignKeys.referencingRowWritten(table, old, row);
                        }
                        yield null;
                    }
                    case DELETE -> {
                        WriteResult r = heap.delete(txn, tid, WaitPolicy.BLOCK);
                        if (!(r instanceof WriteResult.Ok)) {
                            yield rejoin(r, joined, merge, width, heap, codec, txn, on, context);
                        }
                        if (!keysUnused) {
                            foreignKeys.referencedRowDeleted(table, Arrays.copyOfRange(joined, merge.sourceWidth(), tidAt));
                        }
                        yield null;
                    }
                    default -> throw new IllegalStateException();
                };
                if (retry == null) {
                    affected++;
                    break;
                }
                joined = retry;
            }
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

    /**
     * After an update or delete found the target row changed: the joined row again with the newest version of the
     * target row, or with no target row (NOT MATCHED) when it was deleted or no longer satisfies ON. A row this command
     * changed already cannot be changed again (21000).
     */
    private static Object[] rejoin(WriteResult result, Object[] joined, MergeActions merge, int width, HeapRelation heap,
                                   RowCodec codec, Transaction txn, CompiledExpr on, ExecContext context) {
        if (result instanceof WriteResult.SelfModified) {
            throw PgException.of(SqlState.CARDINALITY_VIOLATION, "MERGE command cannot affect row a second time")
                    .withHint("Ensure that not more than one source row matches any one target row.");
        }
        Object[] again = Arrays.copyOf(joined, joined.length);
        Arrays.fill(again, merge.sourceWidth(), merge.sourceWidth() + width + 1, null);
        if (result instanceof WriteResult.Updated updated) {
            var latest = heap.fetchLatest(txn, updated.newer());
            if (latest.isPresent()) {
                Object[] target = codec.decode(latest.get().payload());
                System.arraycopy(target, 0, again, merge.sourceWidth(), width);
                again[merge.sourceWidth() + width] = latest.get().tid();
                if (Boolean.TRUE.equals(on.eval(again, context))) {
                    return again;
                }
                Arrays.fill(again, merge.sourceWidth(), merge.sourceWidth() + width + 1, null);
            }
        }
        return again;
    }
}
