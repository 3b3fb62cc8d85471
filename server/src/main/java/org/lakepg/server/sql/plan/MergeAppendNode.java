package org.lakepg.server.sql.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's Merge Append: UNION ALL (or an inheritance scan) whose inputs each deliver their rows in the order of
 * {@code keys}, merged so the output is in that order too. Each input is a {@link SortNode} by the keys, which is not
 * shown and does not sort when its input is already ordered ({@link PresortedInputs}, an ordered index scan).
 */
public record MergeAppendNode(List<PlanNode> inputs, List<SortKey> keys, int width) implements PlanNode {

    public MergeAppendNode {
        inputs = List.copyOf(inputs);
        keys = List.copyOf(keys);
    }

    /**
     * The same rows unordered, as the plan it replaced read them: an Append of the members without their sorts, under
     * the projections every member repeats (the query's select list, pushed into each member), so EXPLAIN names the
     * columns as it names an Append's.
     */
    public PlanNode members() {
        List<PlanNode> members = inputs.stream().map(i -> i instanceof SortNode s ? s.input() : i).toList();
        List<ProjectNode> above = new ArrayList<>(); // outermost first
        while (!members.isEmpty() && members.get(0) instanceof ProjectNode first
                && members.stream().allMatch(m -> m instanceof ProjectNode x && x.expressions().equals(first.expressions()))) {
            above.add(first);
            members = members.stream().map(m -> ((ProjectNode) m).input()).toList();
        }
        PlanNode out = new AppendNode(members, members.isEmpty() ? width : members.get(0).width());
        for (int i = above.size() - 1; i >= 0; i--) {
            out = new ProjectNode(out, above.get(i).expressions());
        }
        return out;
    }
}
