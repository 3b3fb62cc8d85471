package org.lakepg.server.exec.operator;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.index.IndexCondition;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.table.IndexKeys;

/**
 * An index scan under index conditions, in index order forward or backward: the equalities on the leading key
 * columns and the comparisons of the column after them bound the part of the B-tree read (as _bt_first does); every
 * visible row found is checked against all the conditions, so a bound only has to contain the answer.
 */
final class IndexConditionScan {
    private IndexConditionScan() {}

    /** A part of the index: keys from {@code lower} (inclusive) to {@code upper} (exclusive), null = open. */
    private record Range(byte[] lower, byte[] upper) {
        boolean empty() {
            return lower != null && upper != null && Arrays.compareUnsigned(lower, upper) >= 0;
        }
    }

    static Iterator<Object[]> open(IndexScanNode node, ExprCompiler compiler, ExecContext context) {
        List<CompiledExpr> checks = node.conditions().stream().map(compiler::compile).toList();
        if (node.or() != null) {
            var snapshot = context.scanSnapshot();
            return TableOperators.fetched(node, union(node, compiler, context), snapshot, context,
                    row -> checks.stream().allMatch(check -> Boolean.TRUE.equals(check.eval(row, context))));
        }
        Range range = range(node, compiler, context);
        if (range == null || range.empty()) {
            return Collections.emptyIterator();
        }
        var snapshot = context.scanSnapshot(); // before the scan reads its first leaf (see BTreeIndex.scan)
        Iterator<IndexEntry> scan = context.tables().catalog().btree(node.index()).scan(
                range.lower() == null ? null : ScanBound.inclusive(range.lower()),
                range.upper() == null ? null : ScanBound.exclusive(range.upper()), !node.backward());
        return TableOperators.fetched(node, node.bitmap() ? inTableOrder(node, scan, context) : scan, snapshot, context, row -> {
            for (CompiledExpr check : checks) {
                if (!Boolean.TRUE.equals(check.eval(row, context))) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * A BitmapOr's entries: each arm's range of its index read, the tuple ids found by any of them once each, in
     * tuple id order.
     */
    private static Iterator<IndexEntry> union(IndexScanNode node, ExprCompiler compiler, ExecContext context) {
        java.util.TreeMap<org.lakepg.server.access.heap.Tid, IndexEntry> all = new java.util.TreeMap<>();
        for (IndexScanNode arm : node.or().arms()) {
            Range range = range(arm, compiler, context);
            if (range == null || range.empty()) {
                continue;
            }
            Iterator<IndexEntry> scan = context.tables().catalog().btree(arm.index()).scan(
                    range.lower() == null ? null : ScanBound.inclusive(range.lower()),
                    range.upper() == null ? null : ScanBound.exclusive(range.upper()), true);
            while (scan.hasNext()) {
                context.checkCancelled();
                IndexEntry entry = scan.next();
                all.putIfAbsent(entry.tid(), entry);
            }
        }
        HeapBlocks.report(node, all.keySet(), context);
        return all.values().iterator();
    }

    /** A bitmap scan's entries: all of them collected, then in tuple id order (each heap page read once). */
    private static Iterator<IndexEntry> inTableOrder(
            IndexScanNode node, Iterator<IndexEntry> scan, ExecContext context) {
        java.util.ArrayList<IndexEntry> all = new java.util.ArrayList<>();
        while (scan.hasNext()) {
            context.checkCancelled();
            all.add(scan.next());
        }
        all.sort(java.util.Comparator.comparing(IndexEntry::tid));
        HeapBlocks.report(node, all.stream().map(IndexEntry::tid).toList(), context);
        return all.iterator();
    }

    /** The keys the conditions allow, or null when a comparison with NULL allows none. */
    private static Range range(IndexScanNode node, ExprCompiler compiler, ExecContext context) {
        List<IndexCondition> conditions = node.conditions().stream()
                .map(c -> IndexCondition.of(c, node.index(), node.table()))
                .flatMap(Optional::stream).toList();
        long[] types = org.lakepg.server.index.IndexExpressions.keyTypes(node.index(), node.table());
        byte[] prefix = new byte[0];
        for (int position = 0; position < types.length; position++) {
            Object[] equal = null;
            for (IndexCondition c : conditions) {
                if (c.position() == position && (c.operator() == IndexCondition.Operator.EQ
                        || c.operator() == IndexCondition.Operator.IS_NULL)) {
                    Object value = c.value() == null ? null : compiler.compile(c.value()).eval(new Object[0], context);
                    if (value == null && c.operator() == IndexCondition.Operator.EQ) {
                        return null;
                    }
                    equal = new Object[] {value};
                    break;
                }
            }
            if (equal == null) {
                return bounded(node, compiler, context, conditions, position, types[position], prefix);
            }
            prefix = concat(prefix, IndexKeys.ofValue(node.index(), position, types[position], equal[0]));
        }
        return new Range(prefix.length == 0 ? null : prefix, prefix.length == 0 ? null : ScanBound.successor(prefix));
    }

    /** The range of the comparisons on the key column at {@code position}, below the equal {@code prefix}. */
    private static Range bounded(IndexScanNode node, ExprCompiler compiler, ExecContext context,
                                 List<IndexCondition> conditions, int position, long type, byte[] prefix) {
        byte[] lower = prefix.length == 0 ? null : prefix;
        byte[] upper = prefix.length == 0 ? null : ScanBound.successor(prefix);
        boolean descending = IndexKeys.descending(node.index(), position);
        for (IndexCondition c : conditions) {
            if (c.position() != position) {
                continue;
            }
            if (c.operator() == IndexCondition.Operator.COMPARED_ANY) {
                continue; // checked on each entry
            }
            if (c.operator() == IndexCondition.Operator.EQ_ANY) {
                // one range from the least to the greatest element's key (the entries between are checked again)
                Object array = compiler.compile(c.value()).eval(new Object[0], context);
                byte[] least = null;
                byte[] greatest = null;
                for (Object element : array == null ? new Object[0] : ((org.lakepg.wire.types.PgArray) array).elements()) {
                    if (element != null) {
                        byte[] key = concat(prefix, IndexKeys.ofValue(node.index(), position, type, element));
                        least = least == null ? key : min(least, key);
                        greatest = greatest == null ? key : max(greatest, key);
                    }
                }
                if (least == null) {
                    return null; // no element (or NULLs only) equals anything
                }
                lower = max(lower, least);
                upper = min(upper, ScanBound.successor(greatest));
                continue;
            }
            if (c.operator() == IndexCondition.Operator.IS_NOT_NULL) {
                // a non-null value's key starts with marker 1; NULL's is 0 or 2 (nulls first or last)
                lower = max(lower, concat(prefix, new byte[] {1}));
                upper = min(upper, concat(prefix, new byte[] {2}));
                continue;
            }
            Object value = compiler.compile(c.value()).eval(new Object[0], context);
            if (value == null) {
                return null;
            }
            byte[] key = concat(prefix, IndexKeys.ofValue(node.index(), position, type, value));
            IndexCondition.Operator op = c.operator();
            if (descending) {
                op = switch (op) {
                    case LT -> IndexCondition.Operator.GT;
                    case LE -> IndexCondition.Operator.GE;
                    case GT -> IndexCondition.Operator.LT;
                    case GE -> IndexCondition.Operator.LE;
                    default -> op;
                };
            }
            switch (op) {
                case GT -> lower = max(lower, ScanBound.successor(key));
                case GE -> lower = max(lower, key);
                case LT -> upper = min(upper, key);
                case LE -> upper = min(upper, ScanBound.successor(key));
                default -> { }
            }
        }
        return new Range(lower, upper);
    }


    private static byte[] max(byte[] a, byte[] b) {
        return a == null ? b : b == null ? a : Arrays.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static byte[] min(byte[] a, byte[] b) {
        return a == null ? b : b == null ? a : Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
