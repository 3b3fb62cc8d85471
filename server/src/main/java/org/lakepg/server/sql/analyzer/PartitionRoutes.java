package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.RoutedInsertNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;
import org.lakepg.server.table.TableInfo;

/**
 * Where the rows of an INSERT into a partitioned table (or into a partition) may go: every leaf partition below the
 * target with the condition, over the target's row, that its bounds at every level hold (a DEFAULT partition's:
 * that none of its siblings' do). A partition's own bounds and its ancestors' are checked on direct inserts too.
 */
final class PartitionRoutes {
    private final AnalyzerCatalog catalog;
    private final ModifyAnalyzer binder;
    private final Inheritance inheritance;

    PartitionRoutes(AnalyzerCatalog catalog, ModifyAnalyzer binder) {
        this.catalog = catalog;
        this.binder = binder;
        this.inheritance = catalog.inheritance();
    }

    /** True when an INSERT into the table must be routed or checked against partition bounds. */
    boolean needed(TableInfo table) {
        return inheritance.isPartitioned(table.oid()) || inheritance.isPartition(table.oid());
    }

    /** The bounds of a partition and of its ancestors as one condition text; null for a table that is no partition. */
    String partitionCondition(TableInfo table) {
        List<String> above = new ArrayList<>();
        for (long t = table.oid(); inheritance.isPartition(t); t = inheritance.parents(t).get(0)) {
            above.add(0, condition(t));
        }
        return above.isEmpty() ? null : "(" + String.join(" AND ", above) + ")";
    }

    /**
     * UPDATE of a partition {@code member} by a statement naming {@code target} (the partition itself or an
     * ancestor): the partition check, and the routing of rows that move.
     */
    org.lakepg.server.sql.plan.PlanNode update(ModifyNode update, TableInfo target) {
        TableInfo member = update.table();
        String own = partitionCondition(member);
        if (own == null) {
            return update;
        }
        BoundExpr condition = binder.bindCheck(member, DefaultExpressions.parse(own));
        RoutedInsertNode reroute = null;
        List<BoundExpr> toTarget = List.of();
        List<BoundExpr> fromTarget = List.of();
        if (target.oid() != member.oid()) {
            List<BoundExpr> whole = new ArrayList<>();
            for (ColumnInfo c : target.columns()) {
                whole.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
            }
            // then the partition the row lands in (its tableoid: route() names each leaf's own)
            whole.add(new org.lakepg.server.sql.plan.expr.Const(org.lakepg.server.catalog.TypeOids.OID, -1,
                    target.oid()));
            // a moving row is checked against the UPDATE policies of the table the statement names
            reroute = route(new ModifyNode(ModifyNode.Kind.INSERT, target, update.input(), whole,
                    binder.policyChecks(target, target, 'w')));
            toTarget = InheritedScans.columnMap(target, member);
            fromTarget = InheritedScans.columnMap(member, target);
        }
        return new org.lakepg.server.sql.plan.PartitionUpdateNode(update, condition, reroute, toTarget, fromTarget);
    }

    RoutedInsertNode route(ModifyNode insert) {
        TableInfo target = insert.table();
        // the target's own bound and its ancestors' (a direct insert into a partition must satisfy them)
        List<String> above = new ArrayList<>();
        for (long t = target.oid(); inheritance.isPartition(t); t = inheritance.parents(t).get(0)) {
            above.add(0, condition(t));
        }
        List<RoutedInsertNode.Leaf> leaves = new ArrayList<>();
        List<List<RoutedInsertNode.Step>> deadEnds = new ArrayList<>();
        collect(insert, target, target.oid(), List.of(), List.of(), leaves, deadEnds);
        List<RoutedInsertNode.KeyPart> key = inheritance.isPartitioned(target.oid()) ? keyParts(target, target)
                : List.of();
        BoundExpr own = above.isEmpty() ? null
                : binder.bindCheck(target, DefaultExpressions.parse("(" + String.join(" AND ", above) + ")"));
        return new RoutedInsertNode(insert, leaves, key, own, deadEnds);
    }

    private void collect(ModifyNode insert, TableInfo target, long table, List<String> path,
                         List<RoutedInsertNode.Step> steps, List<RoutedInsertNode.Leaf> out,
                         List<List<RoutedInsertNode.Step>> deadEnds) {
        if (!inheritance.isPartitioned(table)) {
            TableInfo leaf = table == target.oid() ? target : catalog.tableByOid(table).orElseThrow();
            String text = path.isEmpty() ? "true" : "(" + String.join(" AND ", path) + ")";
            BoundExpr condition = binder.bindCheck(target, DefaultExpressions.parse(text));
            List<BoundExpr> toLeaf = new ArrayList<>();
            for (ColumnInfo c : leaf.columns()) {
                ColumnInfo t = target.column(c.name()).orElseThrow();
                toLeaf.add(new InputRef(t.number() - 1, t.type(), t.typmod(), t.name()));
            }
            out.add(new RoutedInsertNode.Leaf(leaf, condition, toLeaf, binder.checksOf(leaf),
                    InheritedScans.columnMap(target, leaf), steps, insert.returning().stream()
                    .map(e -> ExprRewriter.map(e, x -> x instanceof org.lakepg.server.sql.plan.expr.Const c
                            && c.type() == org.lakepg.server.catalog.TypeOids.OID && Long.valueOf(target.oid()).equals(c.value())
                            ? new org.lakepg.server.sql.plan.expr.Const(c.type(), c.typmod(), leaf.oid()) : x)).toList()));
            return;
        }
        TableInfo partitioned = table == target.oid() ? target : catalog.tableByOid(table).orElseThrow();
        List<RoutedInsertNode.KeyPart> key = keyParts(target, partitioned);
        if (inheritance.children(table).isEmpty() && table != target.oid()) {
            List<RoutedInsertNode.Step> end = new ArrayList<>(steps);
            end.add(new RoutedInsertNode.Step(partitioned,
                    new org.lakepg.server.sql.plan.expr.Const(org.lakepg.server.catalog.TypeOids.BOOL, -1, false), key));
            deadEnds.add(end);
            return;
        }
        for (long child : inheritance.children(table)) {
            List<String> next = new ArrayList<>(path);
            String own = condition(child);
            next.add(own);
            List<RoutedInsertNode.Step> nextSteps = new ArrayList<>(steps);
            nextSteps.add(new RoutedInsertNode.Step(partitioned, binder.bindCheck(target, DefaultExpressions.parse(own)),
                    key));
            collect(insert, target, child, next, nextSteps, out, deadEnds);
        }
    }

    /** A partition's constraint as SQL text (a DEFAULT partition's: none of its siblings' holds). */
    private String condition(long partition) {
        PartitionBound bound = inheritance.bound(partition).orElseThrow();
        if (!bound.isDefault()) {
            return bound.constraint();
        }
        List<String> siblings = new ArrayList<>();
        for (long sibling : inheritance.children(inheritance.parents(partition).get(0))) {
            PartitionBound b = inheritance.bound(sibling).orElse(null);
            if (b != null && !b.isDefault()) {
                siblings.add(b.constraint());
            }
        }
        return siblings.isEmpty() ? "true" : "(NOT (" + String.join(" OR ", siblings) + "))";
    }

    /** A partitioned table's key parts over the target's row (columns by name, expressions analyzed there). */
    private List<RoutedInsertNode.KeyPart> keyParts(TableInfo target, TableInfo partitioned) {
        PartitionKey key = inheritance.key(partitioned.oid()).orElseThrow();
        List<RoutedInsertNode.KeyPart> out = new ArrayList<>();
        int e = 0;
        for (short a : key.columns()) {
            if (a == 0) {
                String text = key.expressions().get(e++);
                // the stored text carries pg_get_partkeydef's extra parentheses; the error detail has one pair
                String label = text.startsWith("((") && text.endsWith("))") ? text.substring(1, text.length() - 1) : text;
                out.add(new RoutedInsertNode.KeyPart(label, binder.bindExpression(target, DefaultExpressions.parse(text))));
                continue;
            }
            ColumnInfo c = target.column(partitioned.columns().get(a - 1).name()).orElseThrow();
            out.add(new RoutedInsertNode.KeyPart(c.name(), new InputRef(c.number() - 1, c.type(), c.typmod(), c.name())));
        }
        return out;
    }
}
