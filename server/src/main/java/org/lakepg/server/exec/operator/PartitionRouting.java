package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.RoutedInsertNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowText;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** INSERT through a partitioned table: each row to the leaf partition whose bound holds for it. */
final class PartitionRouting {
    private PartitionRouting() {}

    /**
     * An INSERT's ON CONFLICT clause as it applies in one leaf: the leaf's unique indexes on the arbiters' columns
     * (all of them without a conflict target), and the DO UPDATE expressions reading and writing rows in the leaf's
     * column order; null (no upsert) for a leaf whose columns are not the target's.
     */
    private static org.lakepg.server.sql.plan.OnConflict leafConflict(org.lakepg.server.sql.plan.OnConflict conflict,
                                                                      TableInfo target, TableInfo leaf,
                                                                      ExecContext context) {
        if (conflict == null || leaf.oid() == target.oid()) {
            return conflict;
        }
        int n = target.columns().size();
        if (leaf.columns().size() != n) {
            return null;
        }
        int[] leafPosition = new int[n];
        for (int t = 0; t < n; t++) {
            ColumnInfo c = target.columns().get(t);
            leafPosition[t] = -1;
            for (int l = 0; l < n; l++) {
                if (leaf.columns().get(l).name().equals(c.name()) && leaf.columns().get(l).type() == c.type()) {
                    leafPosition[t] = l;
                }
            }
            if (leafPosition[t] < 0) {
                return null;
            }
        }
        var indexes = context.tables().catalog().indexes(context.tables().transaction().snapshot(), leaf.oid());
        List<org.lakepg.server.table.IndexInfo> arbiters = new ArrayList<>();
        if (!conflict.inferred()) {
            indexes.stream().filter(org.lakepg.server.table.IndexInfo::unique).forEach(arbiters::add);
        }
        for (var arbiter : conflict.inferred() ? conflict.arbiters() : List.<org.lakepg.server.table.IndexInfo>of()) {
            List<Short> columns = arbiter.columns().stream().map(c -> (short) (leafPosition[c - 1] + 1)).toList();
            indexes.stream().filter(i -> i.unique() && i.columns().equals(columns) && i.expressions().isEmpty()
                            && arbiter.expressions().isEmpty() && java.util.Objects.equals(i.predicate(), arbiter.predicate()))
                    .findFirst().ifPresent(arbiters::add);
        }
        // the expressions read the existing row then the proposed one, each in the target's column order
        java.util.function.UnaryOperator<BoundExpr> toLeaf = e -> e instanceof InputRef r
                ? new InputRef(r.index() < n ? leafPosition[r.index()] : n + leafPosition[r.index() - n], r.type(),
                        r.typmod(), r.name())
                : e;
        BoundExpr[] newRow = new BoundExpr[conflict.newRow().size()];
        for (int t = 0; t < newRow.length && t < n; t++) {
            newRow[leafPosition[t]] = org.lakepg.server.sql.analyzer.ExprRewriter.map(conflict.newRow().get(t), toLeaf);
        }
        BoundExpr where = conflict.where() == null ? null
                : org.lakepg.server.sql.analyzer.ExprRewriter.map(conflict.where(), toLeaf);
        return new org.lakepg.server.sql.plan.OnConflict(conflict.action(), arbiters, conflict.inferred(),
                conflict.alias(), conflict.newRow().isEmpty() ? List.of() : List.of(newRow), where);
    }

    static Iterator<Object[]> insert(RoutedInsertNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                     ExecContext context) {
        return insert(node, input, compiler, context, null);
    }

    /**
     * @param movedReturning for the rows an UPDATE moves, the UPDATE's RETURNING list (else each leaf's own is the
     *                       statement's)
     */
    private static Iterator<Object[]> insert(RoutedInsertNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                             ExecContext context, List<BoundExpr> movedReturning) {
        ModifyNode target = node.insert();
        List<RoutedInsertNode.Leaf> leaves = node.leaves();
        List<CompiledExpr> conditions = new ArrayList<>();
        List<List<CompiledExpr>> toLeaf = new ArrayList<>();
        List<List<CompiledExpr>> fromLeaf = new ArrayList<>();
        List<ModifyNode> writes = new ArrayList<>();
        for (RoutedInsertNode.Leaf leaf : leaves) {
            conditions.add(compiler.compile(leaf.condition()));
            toLeaf.add(leaf.toLeaf().stream().map(compiler::compile).toList());
            fromLeaf.add(leaf.fromLeaf().stream().map(compiler::compile).toList());
            List<BoundExpr> whole = new ArrayList<>();
            for (ColumnInfo c : leaf.table().columns()) {
                whole.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
            }
            // then the written row's tid, for RETURNING's system columns
            whole.add(new InputRef(leaf.table().columns().size(), org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"));
            writes.add(new ModifyNode(ModifyNode.Kind.INSERT, leaf.table(), target.input(), whole, leaf.checks(),
                    leafConflict(target.onConflict(), target.table(), leaf.table(), context), null));
        }
        List<List<CompiledExpr>> returning = new ArrayList<>();
        boolean[] headerUnavailable = new boolean[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            RoutedInsertNode.Leaf leaf = leaves.get(i);
            returning.add(leaf.returning().stream().map(compiler::compile).toList());
            headerUnavailable[i] = TableInfo.sameLayout(target.table(), leaf.table())
                    && readsRowHeader(movedReturning != null ? movedReturning : leaf.returning());
        }
        CompiledExpr own = node.partitionCondition() == null ? null : compiler.compile(node.partitionCondition());
        // the row-level security checks of the table the statement names, on the row as written (after triggers)
        List<ModifyNode.Check> policies = target.checks().stream().filter(c -> c.policyTable() != null).toList();
        List<CompiledExpr> policyChecks = policies.stream().map(c -> compiler.compile(c.condition())).toList();
        List<Object[]> out = new ArrayList<>();
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] row = input.next();
            TableInfo table = target.table();
            if (own != null && !Boolean.TRUE.equals(own.eval(row, context))) {
                throw PgException.of(SqlState.CHECK_VIOLATION, "new row for relation \"%s\" violates partition constraint",
                        table.name()).withDetail(org.lakepg.server.exec.constraint.RowChecks.failingRow(table, row, context));
            }
            int chosen = route(node, conditions, row, context, compiler);
            if (headerUnavailable[chosen]) {
                // PostgreSQL routes a row needing no conversion in the root's virtual slot, which has no header
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot retrieve a system column in this context");
            }
            Object[] leafRow = new Object[toLeaf.get(chosen).size()];
            for (int i = 0; i < leafRow.length; i++) {
                leafRow[i] = toLeaf.get(chosen).get(i).eval(row, context);
            }
            Iterator<Object[]> written;
            context.takeFailedRow(); // forget a failure a trigger's own statement caught
            try {
                written = TableOperators.modify(writes.get(chosen), List.<Object[]>of(leafRow).iterator(), compiler,
                        context);
            } catch (PgException e) {
                // the row as the partition's BEFORE ROW triggers left it, in the named table's columns
                Object[] failed = context.takeFailedRow();
                Object[] shown = row;
                if (failed != null && failed.length >= leafRow.length) {
                    Object[] stored = java.util.Arrays.copyOf(failed, leafRow.length + 1);
                    shown = new Object[fromLeaf.get(chosen).size()];
                    for (int i = 0; i < shown.length; i++) {
                        shown[i] = fromLeaf.get(chosen).get(i).eval(stored, context);
                    }
                }
                throw asTarget(e, table, shown, context);
            }
            while (written.hasNext()) {
                Object[] stored = written.next();
                Object[] asTarget = new Object[fromLeaf.get(chosen).size()];
                for (int i = 0; i < asTarget.length; i++) {
                    asTarget[i] = fromLeaf.get(chosen).get(i).eval(stored, context);
                }
                org.lakepg.server.exec.constraint.RowChecks.check(target.table(), policies, policyChecks, asTarget,
                        context);
                if (!java.util.Arrays.equals(java.util.Arrays.copyOf(stored, leafRow.length), leafRow)) {
                    // a BEFORE ROW trigger changed the row: it must still belong where it went (ExecPartitionCheck)
                    TableInfo leaf = leaves.get(chosen).table();
                    if (own != null && !Boolean.TRUE.equals(own.eval(asTarget, context))
                            || !Boolean.TRUE.equals(conditions.get(chosen).eval(asTarget, context))) {
                        throw PgException.of(SqlState.CHECK_VIOLATION,
                                "new row for relation \"%s\" violates partition constraint", leaf.name())
                                .withDetail(org.lakepg.server.exec.constraint.RowChecks.failingRow(table, asTarget, context));
                    }
                }
                Object[] returned = java.util.Arrays.copyOf(asTarget, asTarget.length + 1);
                returned[asTarget.length] = stored[stored.length - 1];
                Object[] result = new Object[returning.get(chosen).size()];
                for (int i = 0; i < result.length; i++) {
                    result[i] = returning.get(chosen).get(i).eval(returned, context);
                }
                out.add(result);
            }
        }
        return out.iterator();
    }

    private static int route(RoutedInsertNode node, List<CompiledExpr> conditions, Object[] row, ExecContext context,
                             ExprCompiler compiler) {
        for (int i = 0; i < conditions.size(); i++) {
            if (Boolean.TRUE.equals(conditions.get(i).eval(row, context))) {
                return i;
            }
        }
        // the deepest partitioned table the row got to names the failure, as ExecFindPartition does
        TableInfo table = node.insert().table();
        TableInfo stopped = table;
        List<RoutedInsertNode.KeyPart> key = node.key();
        int deepest = 0;
        List<List<RoutedInsertNode.Step>> ways = new ArrayList<>();
        node.leaves().forEach(leaf -> ways.add(leaf.steps()));
        ways.addAll(node.deadEnds());
        for (List<RoutedInsertNode.Step> steps : ways) {
            int depth = 0;
            while (depth < steps.size()
                    && Boolean.TRUE.equals(compiler.compile(steps.get(depth).condition()).eval(row, context))) {
                depth++;
            }
            if (depth > deepest && depth < steps.size()) {
                deepest = depth;
                stopped = steps.get(depth).partitioned();
                key = steps.get(depth).key();
            }
        }
        PgException failure = PgException.of(SqlState.CHECK_VIOLATION, "no partition of relation \"%s\" found for row",
                stopped.name());
        throw keyVisible(stopped, key, context) ? failure.withDetail("Partition key of the failing row contains "
                + key(key, row, compiler, context) + ".") : failure;
    }

    /**
     * Whether the user may see the partition key (ExecBuildSlotPartitionKeyDescription): SELECT on the partitioned
     * table, or on each key column when the key has no expression.
     */
    private static boolean keyVisible(TableInfo partitioned, List<RoutedInsertNode.KeyPart> key, ExecContext context) {
        java.util.BitSet visible = context.visibleColumns(partitioned.oid(), false);
        if (visible == null) {
            return true;
        }
        for (RoutedInsertNode.KeyPart part : key) {
            var column = partitioned.column(part.label());
            if (!(part.value() instanceof org.lakepg.server.sql.plan.expr.InputRef) || column.isEmpty()
                    || !visible.get(column.get().number())) {
                return false;
            }
        }
        return true;
    }

    /** "(a, b) = (1, 2)": PostgreSQL's ExecBuildSlotPartitionKeyDescription, spaced unlike a unique key's. */
    private static String key(List<RoutedInsertNode.KeyPart> parts, Object[] row, ExprCompiler compiler,
                              ExecContext context) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (RoutedInsertNode.KeyPart part : parts) {
            names.append(names.isEmpty() ? "" : ", ").append(part.label());
            values.append(values.isEmpty() ? "" : ", ").append(RowText.value(part.value().type(),
                    compiler.compile(part.value()).eval(row, context)));
        }
        return "(" + names + ") = (" + values + ")";
    }

    /** UPDATE of a partition: rows that leave its bound move through the ancestor the statement named, or fail. */
    static Iterator<Object[]> update(org.lakepg.server.sql.plan.PartitionUpdateNode node, Iterator<Object[]> input,
                                     ExprCompiler compiler, ExecContext context) {
        ModifyNode update = node.update();
        TableInfo table = update.table();
        int width = table.columns().size();
        CompiledExpr condition = compiler.compile(node.condition());
        List<CompiledExpr> toTarget = node.toTarget().stream().map(compiler::compile).toList();
        List<CompiledExpr> fromTarget = node.fromTarget().stream().map(compiler::compile).toList();
        List<CompiledExpr> returning = update.returning().stream().map(compiler::compile).toList();
        // RETURNING of a moved row: its tableoid is the partition it moved to, held after the input row's columns
        int landed = update.input().width();
        List<CompiledExpr> movedReturning = update.returning().stream().map(e -> compiler.compile(
                org.lakepg.server.sql.analyzer.ExprRewriter.map(e, x -> x instanceof org.lakepg.server.sql.plan.expr.Const c
                        && c.type() == org.lakepg.server.catalog.TypeOids.OID && Long.valueOf(table.oid()).equals(c.value())
                        ? new org.lakepg.server.sql.plan.expr.InputRef(landed, c.type(), -1, "tableoid") : x))).toList();
        ModifyNode delete = new ModifyNode(ModifyNode.Kind.DELETE, table, update.input(), List.of(), List.of());
        List<Object[]> out = new ArrayList<>();
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] row = input.next();
            Object[] newRow = java.util.Arrays.copyOf(row, width);
            boolean fits = Boolean.TRUE.equals(condition.eval(newRow, context));
            boolean triggered = false;
            if (node.reroute() != null && context.triggers(table, org.lakepg.server.exec.TableTriggers.Event.UPDATE)
                    != null) {
                // the partition's BEFORE UPDATE row triggers run before its bound is checked (ExecUpdate): they may
                // change the new row (even move it), or skip it
                newRow = beforeUpdate(table, row, newRow, context);
                if (newRow == null) {
                    continue;
                }
                row = java.util.Arrays.copyOf(row, row.length);
                System.arraycopy(newRow, 0, row, 0, width);
                fits = Boolean.TRUE.equals(condition.eval(newRow, context));
                triggered = true;
            }
            if (fits) {
                if (triggered) {
                    context.beforeRowTriggersRan(row);
                }
                try {
                    TableOperators.modify(update, List.<Object[]>of(row).iterator(), compiler, context)
                            .forEachRemaining(out::add);
                } catch (PgException e) {
                    if (node.reroute() == null) {
                        throw e;
                    }
                    Object[] shown = new Object[toTarget.size()];
                    for (int i = 0; i < shown.length; i++) {
                        shown[i] = toTarget.get(i).eval(newRow, context);
                    }
                    throw asTarget(e, node.reroute().insert().table(), shown, context);
                }
                continue;
            }
            if (node.reroute() == null) {
                throw PgException.of(SqlState.CHECK_VIOLATION, "new row for relation \"%s\" violates partition constraint",
                        table.name()).withDetail(org.lakepg.server.exec.constraint.RowChecks.failingRow(table, newRow, context));
            }
            // row movement: the old version goes from this partition (its DELETE triggers see it as OLD), the new one
            // is routed from the ancestor
            Object[] old = storedVersion(table, row, context);
            Object[] deleting = row;
            if (old != null) {
                deleting = row.clone();
                System.arraycopy(old, 0, deleting, 0, width);
            }
            if (!TableOperators.modify(delete, List.<Object[]>of(deleting).iterator(), compiler, context).hasNext()) {
                continue;
            }
            Object[] asTarget = new Object[toTarget.size()];
            for (int i = 0; i < asTarget.length; i++) {
                asTarget[i] = toTarget.get(i).eval(newRow, context);
            }
            Iterator<Object[]> inserted;
            try {
                inserted = insert(node.reroute(), List.<Object[]>of(asTarget).iterator(), compiler, context,
                        update.returning());
            } catch (PgException e) {
                throw asTarget(e, node.reroute().insert().table(), asTarget, context);
            }
            while (inserted.hasNext()) {
                Object[] stored = inserted.next();
                // the moved row in this partition's columns, the other FROM items' columns as they were joined
                Object[] mine = java.util.Arrays.copyOf(row, Math.max(row.length, landed) + 1);
                for (int i = 0; i < fromTarget.size(); i++) {
                    mine[i] = fromTarget.get(i).eval(stored, context);
                }
                mine[landed] = stored[stored.length - 1];
                Object[] result = new Object[returning.size()];
                for (int i = 0; i < result.length; i++) {
                    result[i] = movedReturning.get(i).eval(mine, context);
                }
                out.add(result);
            }
        }
        return out.iterator();
    }

    /** The new row after the partition's BEFORE UPDATE row triggers (null: a trigger skipped it). */
    private static Object[] beforeUpdate(TableInfo table, Object[] row, Object[] newRow, ExecContext context) {
        var triggers = context.triggers(table, org.lakepg.server.exec.TableTriggers.Event.UPDATE);
        if (triggers == null) {
            return newRow;
        }
        Object[] old = storedVersion(table, row, context);
        return old == null ? newRow : triggers.beforeRow(newRow, old);
    }

    /** The version of the row an UPDATE's input row (new values, then the old version's tid) replaces, or null. */
    private static Object[] storedVersion(TableInfo table, Object[] row, ExecContext context) {
        var tid = (org.lakepg.server.access.heap.Tid) row[table.columns().size()];
        var heap = context.tables().heap(table);
        return heap.fetch(context.tables().transaction().snapshot(), tid)
                .map(t -> new org.lakepg.server.table.RowCodec(table.columnTypes()).decode(t.payload())).orElse(null);
    }

    /** Whether RETURNING reads xmin, xmax, cmin or cmax (which a row version's header holds). */
    private static boolean readsRowHeader(List<BoundExpr> returning) {
        for (BoundExpr e : returning) {
            if (org.lakepg.server.sql.analyzer.ExprRewriter.any(e, x -> x instanceof
                    org.lakepg.server.sql.plan.expr.FuncExpr f && f.source() != null
                    && f.source().startsWith("lakepg_tuple_") && !f.source().equals("lakepg_tuple_ctid"))) {
                return true;
            }
        }
        return false;
    }

    /** A constraint violation of a routed row shows the row in the columns of the table the statement named. */
    private static PgException asTarget(PgException e, TableInfo target, Object[] row, ExecContext context) {
        if ((e.sqlState() == SqlState.CHECK_VIOLATION || e.sqlState() == SqlState.NOT_NULL_VIOLATION
                || e.sqlState() == SqlState.WITH_CHECK_OPTION_VIOLATION)
                && e.detail() != null && e.detail().startsWith("Failing row contains ")) {
            return e.withDetail(org.lakepg.server.exec.constraint.RowChecks.failingRow(target, row, context));
        }
        return e;
    }
}
