package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.TableInfo;

/**
 * A scan of a table together with every table that inherits from it (PostgreSQL's expand_inherited_rtentry): an
 * Append of the table's own rows and each descendant's, the descendants' columns picked by name into the parent's
 * order. Partitioned tables hold no rows of their own, so only their leaves are scanned.
 */
public final class InheritedScans {
    private InheritedScans() {}

    /** The tables whose rows a scan of {@code table} reads (the table itself first, unless partitioned). */
    public static List<TableInfo> members(AnalyzerCatalog catalog, TableInfo table, boolean inh) {
        Inheritance inheritance = catalog.inheritance();
        List<TableInfo> out = new ArrayList<>();
        if (!inheritance.isPartitioned(table.oid())) {
            out.add(table);
        }
        if (inh) {
            for (long oid : PartitionOrder.descendants(inheritance, table.oid())) {
                if (!inheritance.isPartitioned(oid)) {
                    catalog.tableByOid(oid).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /**
     * A scan's plan; with {@code tableOidColumn} each row ends with the OID of the table it comes from (the
     * system column tableoid), which a plain table's scan need not carry.
     */
    public record Scan(PlanNode plan, boolean tableOidColumn) {}

    /** The rows of the table (and its descendants when {@code inh}), in the table's column order. */
    public static Scan scan(AnalyzerCatalog catalog, TableInfo table, boolean inh, String alias) {
        return scan(catalog, table, inh, alias, false);
    }

    /** Like {@link #scan(AnalyzerCatalog, TableInfo, boolean, String)}; with {@code withTid} rows end with their tid. */
    static Scan scan(AnalyzerCatalog catalog, TableInfo table, boolean inh, String alias, boolean withTid) {
        Inheritance inheritance = catalog.inheritance();
        if (!inh && !inheritance.isPartitioned(table.oid())
                || !inheritance.hasChildren(table.oid()) && !inheritance.isPartitioned(table.oid())) {
            return new Scan(new SeqScanNode(table, withTid, alias), false);
        }
        List<PlanNode> inputs = new ArrayList<>();
        for (TableInfo member : members(catalog, table, inh)) {
            inputs.add(asParent(table, member, alias == null ? table.name() : alias, withTid));
        }
        inputs = named(inputs, alias == null ? table.name() : alias);
        int width = table.columns().size() + 1 + (withTid ? 1 : 0);
        if (inputs.isEmpty()) {
            return new Scan(nothing(width), true);
        }
        return new Scan(inputs.size() == 1 ? inputs.get(0) : new AppendNode(inputs, width), true);
    }

    /**
     * Whether the plan is the Append of a table and the tables inheriting from it ({@link #scan}), whose members
     * PostgreSQL checks one by one for restrictions that contradict themselves (constraint_exclusion = partition).
     */
    public static boolean inheritanceScan(PlanNode plan) {
        return plan instanceof AppendNode a && a.inputs().stream().allMatch(InheritedScans::member);
    }

    /**
     * No rows of an inheritance scan whose members are all excluded: PostgreSQL's dummy relation, which keeps the
     * table's columns (EXPLAIN shows them by their bare names).
     */
    public static PlanNode excluded(PlanNode inheritanceScan) {
        List<org.lakepg.server.sql.plan.OutputColumn> columns = new ArrayList<>();
        for (BoundExpr e : ((ProjectNode) ((AppendNode) inheritanceScan).inputs().get(0)).expressions()) {
            String name = e instanceof InputRef r ? r.name() : "tableoid";
            columns.add(new org.lakepg.server.sql.plan.OutputColumn(name, e.type(), e.typmod(), 0, (short) 0));
        }
        return org.lakepg.server.sql.optimizer.GatingQuals.emptyRows(columns);
    }

    private static boolean member(PlanNode input) {
        return input instanceof ProjectNode x && x.input() instanceof SeqScanNode
                && !x.expressions().isEmpty()
                && x.expressions().get(x.expressions().size() - 1) instanceof org.lakepg.server.sql.plan.expr.Const c
                && c.type() == org.lakepg.server.catalog.TypeOids.OID;
    }

    /** A member's rows with the parent's columns (by name), then the member's OID as tableoid. */
    static PlanNode asParent(TableInfo parent, TableInfo member, String alias, boolean withTid) {
        List<BoundExpr> columns = new ArrayList<>(columnMap(parent, member));
        columns.add(new org.lakepg.server.sql.plan.expr.Const(org.lakepg.server.catalog.TypeOids.OID, -1, member.oid()));
        if (withTid) {
            columns.add(new InputRef(member.columns().size(), org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"));
        }
        return new ProjectNode(new SeqScanNode(member, withTid, alias), columns);
    }

    /** For each of the parent's columns, a reference to the member's column of the same name. */
    public static List<BoundExpr> columnMap(TableInfo parent, TableInfo member) {
        List<BoundExpr> out = new ArrayList<>();
        for (ColumnInfo c : parent.columns()) {
            ColumnInfo m = member.column(c.name()).orElseThrow();
            out.add(new InputRef(m.number() - 1, m.type(), m.typmod(), m.name()));
        }
        return out;
    }


    /**
     * The WHERE condition of a query whose FROM is one inheritance scan, pushed into each member's scan (as
     * PostgreSQL plans it, so EXPLAIN shows a Filter per member), leaving out partitions whose bounds contradict it.
     * Null when the plan is no such scan.
     */
    static PlanNode filtered(AnalyzerCatalog catalog, PlanNode plan, BoundExpr where) {
        if (inheritanceScan(plan) && org.lakepg.server.sql.optimizer.SelfRefutingQuals.refuted(
                org.lakepg.server.sql.optimizer.Conjuncts.conjuncts(where))) {
            return excluded(plan); // every member excluded by its own restrictions
        }
        List<PlanNode> inputs = plan instanceof AppendNode a ? a.inputs() : List.of(plan);
        PartitionPruning pruning = null;
        List<PlanNode> out = new ArrayList<>();
        int width = plan.width();
        String base = null;
        for (PlanNode input : inputs) {
            if (!(input instanceof ProjectNode x && x.input() instanceof SeqScanNode scan
                    && x.expressions().get(x.expressions().size() - 1) instanceof org.lakepg.server.sql.plan.expr.Const c
                    && c.type() == org.lakepg.server.catalog.TypeOids.OID && x.expressions().size() == width)) {
                return null;
            }
            if (base == null) {
                base = inputs.size() > 1 ? scan.alias().substring(0, scan.alias().length() - 2) : scan.alias();
            }
            if (pruning == null) {
                List<String> names = new ArrayList<>();
                for (BoundExpr e : x.expressions().subList(0, width - 1)) {
                    names.add(((InputRef) e).name());
                }
                pruning = new PartitionPruning(catalog, where, names);
            }
            if (!pruning.mayMatch(scan.table().oid())) {
                continue;
            }
            BoundExpr local = ExprRewriter.map(where, e -> e instanceof InputRef r ? x.expressions().get(r.index()) : e);
            out.add(new ProjectNode(new org.lakepg.server.sql.plan.FilterNode(scan, local), x.expressions()));
        }
        if (out.isEmpty()) {
            return nothing(width);
        }
        out = named(out, base);
        return out.size() == 1 ? out.get(0) : new AppendNode(out, width);
    }

    /**
     * EXPLAIN's names of the members: the query's name for the table, numbered _1, _2 ... when several members are
     * scanned (PostgreSQL's select_rtable_names_for_explain makes the child relations' names unique so).
     */
    private static List<PlanNode> named(List<PlanNode> members, String base) {
        List<PlanNode> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(rename(members.get(i), members.size() == 1 ? base : base + "_" + (i + 1)));
        }
        return out;
    }

    private static PlanNode rename(PlanNode p, String name) {
        return switch (p) {
            case ProjectNode x -> new ProjectNode(rename(x.input(), name), x.expressions());
            case org.lakepg.server.sql.plan.FilterNode f -> new org.lakepg.server.sql.plan.FilterNode(
                    rename(f.input(), name), f.condition());
            case SeqScanNode s -> new SeqScanNode(s.table(), s.withTid(), name);
            default -> p;
        };
    }

    /** No member left: PostgreSQL's "Result / One-Time Filter: false", a row of NULLs that never passes. */
    private static PlanNode nothing(int width) {
        return org.lakepg.server.sql.optimizer.GatingQuals.emptyRows(width);
    }
}
