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
            for (long oid : inheritance.descendants(table.oid())) {
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
        Inheritance inheritance = catalog.inheritance();
        if (!inh && !inheritance.isPartitioned(table.oid())
                || !inheritance.hasChildren(table.oid()) && !inheritance.isPartitioned(table.oid())) {
            return new Scan(new SeqScanNode(table, false, alias), false);
        }
        List<PlanNode> inputs = new ArrayList<>();
        for (TableInfo member : members(catalog, table, inh)) {
            inputs.add(asParent(table, member, alias));
        }
        int width = table.columns().size() + 1;
        if (inputs.isEmpty()) {
            return new Scan(new ValuesNode(List.of(), width), true);
        }
        return new Scan(inputs.size() == 1 ? inputs.get(0) : new AppendNode(inputs, width), true);
    }

    /** A member's rows with the parent's columns (by name), then the member's OID as tableoid. */
    static PlanNode asParent(TableInfo parent, TableInfo member, String alias) {
        List<BoundExpr> columns = new ArrayList<>(columnMap(parent, member));
        columns.add(new org.lakepg.server.sql.plan.expr.Const(org.lakepg.server.catalog.TypeOids.OID, -1, member.oid()));
        String name = member.oid() == parent.oid() ? alias : alias == null ? null : member.name();
        return new ProjectNode(new SeqScanNode(member, false, name), columns);
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

}
