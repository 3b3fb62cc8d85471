package org.lakepg.server.exec.operator;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.index.IndexExpressions;
import org.lakepg.server.index.gin.GinCondition;
import org.lakepg.server.index.gin.GinEntries;
import org.lakepg.server.index.gin.GinQuery;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * A Bitmap Heap Scan over a Bitmap Index Scan of a GIN index: each index condition's query (its entries, ANDed or
 * ORed) gives a set of tuple ids, the conditions' sets are intersected, and the rows are read in tuple id order and
 * checked against every condition again (GIN's answers are lossy: a row having the entries may still not match).
 */
final class GinBitmapScan {
    private GinBitmapScan() {}

    static Iterator<Object[]> open(IndexScanNode node, ExprCompiler compiler, ExecContext context) {
        List<CompiledExpr> checks = node.conditions().stream().map(compiler::compile).toList();
        long[] types = IndexExpressions.keyTypes(node.index(), node.table());
        var snapshot = context.scanSnapshot(); // before the first index page is read (see BTreeIndex.scan)
        BTreeIndex index = context.tables().catalog().btree(node.index());
        TreeSet<Tid> found = null;
        for (BoundExpr condition : node.conditions()) {
            Optional<GinCondition> gin = GinCondition.of(condition, node.index(), node.table());
            if (gin.isEmpty()) {
                continue;
            }
            Object value = compiler.compile(gin.get().value()).eval(new Object[0], context);
            if (value == null) {
                return Collections.emptyIterator(); // the operators are strict
            }
            int position = gin.get().position();
            GinQuery query = GinEntries.opclass(node.index(), position, types[position]).query(gin.get().operator(), value);
            TreeSet<Tid> tids = tids(index, position, query, context);
            if (found != null) {
                tids.retainAll(found);
            }
            found = tids;
        }
        if (found == null) {
            found = everything(index, 0, context);
        }
        HeapBlocks.report(node, found, context);
        Iterator<IndexEntry> entries = found.stream().map(t -> new IndexEntry(null, t)).iterator();
        return TableOperators.fetched(node, entries, snapshot, context, row -> {
            for (CompiledExpr check : checks) {
                if (!Boolean.TRUE.equals(check.eval(row, context))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The tuple ids a query of the key column at {@code position} finds (GIN's scanGetItem). */
    private static TreeSet<Tid> tids(BTreeIndex index, int position, GinQuery query, ExecContext context) {
        if (query.everything()) {
            return everything(index, position, context);
        }
        TreeSet<Tid> out = null;
        for (byte[] entry : query.entries()) {
            TreeSet<Tid> posting = posting(index, GinEntries.key(position, entry), context);
            if (out == null) {
                out = posting;
            } else if (query.all()) {
                out.retainAll(posting);
            } else {
                out.addAll(posting);
            }
            if (query.all() && out.isEmpty()) {
                return out;
            }
        }
        if (out == null) {
            out = new TreeSet<>();
        }
        if (query.orEmpty()) {
            out.addAll(posting(index, GinEntries.emptyKey(position), context));
        }
        return out;
    }

    /** Every row the index has: those of any key of one key column (each row has one at least). */
    private static TreeSet<Tid> everything(BTreeIndex index, int position, ExecContext context) {
        TreeSet<Tid> out = new TreeSet<>();
        Iterator<IndexEntry> it = index.scan(ScanBound.inclusive(GinEntries.columnStart(position)),
                ScanBound.exclusive(GinEntries.columnEnd(position)), true);
        while (it.hasNext()) {
            context.checkCancelled();
            out.add(it.next().tid());
        }
        return out;
    }

    /** The tuple ids filed under one key. */
    private static TreeSet<Tid> posting(BTreeIndex index, byte[] key, ExecContext context) {
        TreeSet<Tid> out = new TreeSet<>();
        ScanBound bound = ScanBound.inclusive(key);
        for (Iterator<IndexEntry> it = index.scan(bound, bound, true); it.hasNext(); ) {
            context.checkCancelled();
            IndexEntry e = it.next();
            if (Arrays.equals(e.key(), key)) {
                out.add(e.tid());
            }
        }
        return out;
    }
}
