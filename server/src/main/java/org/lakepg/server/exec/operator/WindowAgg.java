package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Window functions (PostgreSQL's nodeWindowAgg.c and windowfuncs.c): sorts the input by partition
 * and order keys, then computes each call for each row of each partition.
 */
final class WindowAgg {
    private WindowAgg() {}

    static Iterator<Object[]> open(WindowAggNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                   FunctionRegistry functions, ExecContext context) {
        CompiledExpr[] keyExprs = node.keys().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
        List<Object[]> rows = new ArrayList<>();
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] row = input.next();
            Object[] keys = new Object[keyExprs.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = keyExprs[i].eval(row, context);
            }
            // sort [keys, row] pairs by the keys: the comparator reads the keys' columns only
            Object[] pair = java.util.Arrays.copyOf(keys, keys.length + 1);
            pair[keys.length] = row;
            rows.add(pair);
        }
        if (!node.presorted()) {
            PgQuickSort.sort(rows, new RowComparator(node.sortKeys(), functions, context));
        }
        int p = node.partitionCount();
        RowComparator samePartition = new RowComparator(node.sortKeys().subList(0, p), functions, context);
        RowComparator peers = new RowComparator(node.sortKeys().subList(p, node.sortKeys().size()), functions, context);
        WindowFrame frame = new WindowFrame(node, compiler, functions, context);
        List<WindowFunction> calls = new ArrayList<>();
        for (WindowCall call : node.calls()) {
            calls.add(WindowFunction.of(call, compiler, functions));
        }
        int inputWidth = node.input().width();
        int keyCount = node.keys().size();
        CompiledExpr runCondition = node.runCondition() == null ? null : compiler.compile(node.runCondition());
        // without partitions the top WindowAgg is done once its run condition fails; otherwise it passes through
        boolean passThrough = p > 0 || !node.topWindow();
        List<Object[]> out = new ArrayList<>(rows.size());
        int start = 0;
        partitions:
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && samePartition.compare(rows.get(start), rows.get(end)) == 0) {
                end++;
            }
            List<Object[]> partitionRows = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                partitionRows.add((Object[]) rows.get(i)[keyCount]);
            }
            WindowPartition partition = new WindowPartition(partitionRows, rows.subList(start, end), peers);
            Object[][] results = new Object[calls.size()][];
            for (int c = 0; c < calls.size(); c++) {
                results[c] = calls.get(c).compute(partition, frame, context);
            }
            boolean running = true;
            for (int i = 0; i < partitionRows.size(); i++) {
                Object[] row = java.util.Arrays.copyOf(partitionRows.get(i), inputWidth + calls.size());
                if (running) {
                    for (int c = 0; c < calls.size(); c++) {
                        row[inputWidth + c] = results[c][i];
                    }
                    running = runCondition == null || Boolean.TRUE.equals(runCondition.eval(row, context));
                    if (!running && !passThrough) {
                        break partitions;
                    }
                }
                if (!running) {
                    if (node.topWindow()) {
                        break; // the rest of the partition cannot pass the run condition
                    }
                    // a WindowAgg above still needs the rows: they pass with NULL results, which its filter drops
                    java.util.Arrays.fill(row, inputWidth, row.length, null);
                }
                out.add(row);
            }
            start = end;
        }
        return out.iterator();
    }

    static PgException error(SqlState state, String message) {
        return PgException.of(state, "%s", message);
    }
}
