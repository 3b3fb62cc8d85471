package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.ParentModifyNode;
import org.lakepg.server.sql.plan.PartitionUpdateNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.server.table.TableInfo;

/**
 * An UPDATE or DELETE of a table with inheritance children or partitions as PostgreSQL's EXPLAIN shows it: one
 * ModifyTable on the named table listing each member it modifies ({@code Update on part parent_1}), over an Append of
 * the members' scans (the scan alone with one member), the scans named {@code parent_1, parent_2...} in member order.
 * lakepg runs one modification per member; only the plain shapes — each member a scan with its conditions, no
 * subqueries, the statement naming the table without an alias — are shown this way.
 */
record ParentModifyShape(ModifyNode modify, List<TableInfo> targets, List<String> aliases) {

    /**
     * Whether a Result computes the new rows above the Append: an UPDATE of a plain inheritance tree (the parent has
     * rows of its own, so it is a member), whose members' rows PostgreSQL does not project one by one as it does a
     * partitioned table's (apply_scanjoin_target_to_paths).
     */
    boolean projected() {
        return modify.kind() == ModifyNode.Kind.UPDATE && modify.input() instanceof AppendNode
                && targets.stream().anyMatch(t -> t.oid() == modify.table().oid());
    }

    /** The shape, or null when the members are not all plain scans of their tables. */
    static ParentModifyShape of(ParentModifyNode m) {
        if (m.kind() != ModifyNode.Kind.UPDATE && m.kind() != ModifyNode.Kind.DELETE || m.members().isEmpty()) {
            return null;
        }
        List<PlanNode> inputs = new ArrayList<>();
        List<TableInfo> targets = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (PlanNode modification : m.members()) {
            // a partition's UPDATE checks the new row's bound around the ordinary update
            PlanNode member = modification instanceof PartitionUpdateNode p ? p.update() : modification;
            if (!(member instanceof ModifyNode u) || u.kind() != m.kind() || u.onConflict() != null || u.merge() != null
                    || u.returning().stream().anyMatch(ParentModifyShape::hasSubquery)) {
                return null;
            }
            String alias = PlanPrinter.numbered(m.table().name(), inputs.size() + 1);
            PlanNode renamed = renamed(u.input(), u.table(), alias);
            if (renamed == null) {
                return null;
            }
            inputs.add(renamed);
            targets.add(u.table());
            aliases.add(alias);
        }
        PlanNode firstMember = m.members().get(0);
        ModifyNode first = firstMember instanceof PartitionUpdateNode p ? p.update() : (ModifyNode) firstMember;
        PlanNode input = inputs.size() == 1 ? inputs.get(0) : new AppendNode(inputs, inputs.get(0).width());
        return new ParentModifyShape(new ModifyNode(m.kind(), m.table(), input, first.returning(), List.of(), null, null),
                targets, aliases);
    }

    /** The member's scan chain with its scan of {@code table} named {@code alias}; null for any other shape. */
    private static PlanNode renamed(PlanNode p, TableInfo table, String alias) {
        return switch (p) {
            case ProjectNode x when x.expressions().stream().noneMatch(ParentModifyShape::hasSubquery) -> {
                PlanNode input = renamed(x.input(), table, alias);
                yield input == null ? null : new ProjectNode(input, x.expressions());
            }
            case FilterNode f when !hasSubquery(f.condition()) -> {
                PlanNode input = renamed(f.input(), table, alias);
                yield input == null ? null : new FilterNode(input, f.condition());
            }
            case SeqScanNode s when s.table().oid() == table.oid() && unaliased(s.alias(), table) ->
                    new SeqScanNode(s.table(), s.withTid(), alias);
            case IndexScanNode s when s.table().oid() == table.oid() && s.or() == null && unaliased(s.alias(), table) ->
                    new IndexScanNode(s.table(), s.index(), s.key(), s.withTid(), alias, s.conditions(), s.backward(),
                            s.indexOnly(), s.bitmap(), s.or());
            default -> null;
        };
    }

    private static boolean unaliased(String alias, TableInfo table) {
        return alias == null || alias.equals(table.name());
    }

    private static boolean hasSubquery(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof SubqueryExpr);
    }
}
