package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.TableInfo;

/**
 * INSERT into a partitioned table or a partition (PostgreSQL's ExecFindPartition and ExecPartitionCheck): each new
 * row of {@code insert} (in the target's column order) goes to the first leaf whose partition constraint holds,
 * else to the default leaf, else fails with 23514. {@code insert} carries the target, the input and RETURNING.
 *
 * @param leaves the leaf partitions, those with a constraint first, a default one (constraint null) last
 * @param partitionCondition when the target is itself a partition, its bound (and its ancestors'): a row outside
 *     it "violates partition constraint"; else null
 * @param deadEnds the ways down to partitioned tables without partitions, each ending in a step that never holds,
 *     so a row that gets there is reported there, as ExecFindPartition does
 */
public record RoutedInsertNode(ModifyNode insert, List<Leaf> leaves, List<KeyPart> key,
                               BoundExpr partitionCondition, List<List<Step>> deadEnds)
        implements PlanNode {

    /**
     * A partition rows can go to: its condition over the target's row (its bounds below the target), the target's
     * row mapped into its column order, its own CHECK constraints over its row, the target's row from its row, and
     * the statement's RETURNING with tableoid as this partition's.
     */
    public record Leaf(TableInfo table, BoundExpr condition, List<BoundExpr> toLeaf, List<ModifyNode.Check> checks,
                       List<BoundExpr> fromLeaf, List<Step> steps, List<BoundExpr> returning) {}

    /**
     * One level of the way down to a leaf: the partitioned table, the bound of its partition on the way, and its
     * key columns (positions in the target's row), to name the table where routing stopped ("no partition of ...").
     */
    public record Step(TableInfo partitioned, BoundExpr condition, List<KeyPart> key) {}

    /** A part of a partitioning key as an error detail shows it: its name and its value over the target's row. */
    public record KeyPart(String label, BoundExpr value) {}

    public RoutedInsertNode {
        leaves = List.copyOf(leaves);
        key = List.copyOf(key);
        deadEnds = List.copyOf(deadEnds);
    }

    @Override
    public int width() {
        return insert.width();
    }
}
