package org.lakepg.analytics.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;

/**
 * A vectorized query plan: a tree of these nodes, each knowing its output schema. The server's planner translates
 * its plans for scan-heavy queries into this form; {@code org.lakepg.analytics.exec.Executor} runs it.
 */
public sealed interface PlanNode {

    Schema schema();

    /** Reads {@code columns} of a source (column pruning); {@code pushdown} lets the source skip row groups. */
    record Scan(ScanSource source, List<Integer> columns, List<ColumnPredicate> pushdown) implements PlanNode {
        public Scan {
            columns = List.copyOf(columns);
            pushdown = List.copyOf(pushdown);
        }

        @Override
        public Schema schema() {
            return source.schema().select(columns);
        }
    }

    /** Rows for which {@code predicate} is true (not false, not NULL). */
    record Filter(PlanNode input, Expr predicate) implements PlanNode {
        @Override
        public Schema schema() {
            return input.schema();
        }
    }

    /** One output column per expression. */
    record Project(PlanNode input, List<Expr> expressions, List<String> names) implements PlanNode {
        public Project {
            expressions = List.copyOf(expressions);
            names = List.copyOf(names);
            if (expressions.size() != names.size()) {
                throw new IllegalArgumentException("one name per expression");
            }
        }

        @Override
        public Schema schema() {
            Schema in = input.schema();
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < expressions.size(); i++) {
                Expr e = expressions.get(i);
                columns.add(e instanceof Expr.ColumnRef c ? in.column(c.index()).withName(names.get(i))
                        : Column.of(names.get(i), ExprTypes.typeOf(e, in)));
            }
            return new Schema(columns);
        }
    }

    /** GROUP BY {@code groupBy} (may be empty: one row even for no input); output = group columns, aggregates. */
    record Aggregate(PlanNode input, List<Integer> groupBy, List<AggCall> aggregates) implements PlanNode {
        public Aggregate {
            groupBy = List.copyOf(groupBy);
            aggregates = List.copyOf(aggregates);
        }

        @Override
        public Schema schema() {
            Schema in = input.schema();
            List<Column> columns = new ArrayList<>();
            for (int g : groupBy) {
                columns.add(in.column(g));
            }
            for (AggCall a : aggregates) {
                Column source = a.column() < 0 ? null : in.column(a.column());
                Column out = Column.of(a.name(), a.resultType(source == null ? null : source.type()));
                if (source != null && out.type() == source.type() && source.hasTypmod()) {
                    out = new Column(a.name(), out.type(), true, source.precision(), source.scale());
                }
                columns.add(out);
            }
            return new Schema(columns);
        }
    }

    /** ORDER BY {@code keys}, and with {@code limit} only the first rows (top-N). */
    record Sort(PlanNode input, List<SortKey> keys, OptionalLong limit) implements PlanNode {
        public Sort {
            keys = List.copyOf(keys);
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public Schema schema() {
            return input.schema();
        }
    }

    /** The first {@code count} rows. */
    record Limit(PlanNode input, long count) implements PlanNode {
        @Override
        public Schema schema() {
            return input.schema();
        }
    }

    /**
     * Equi-join on {@code leftKeys[i] = rightKeys[i]} (NULL keys never match), building a hash table of the right
     * input; output = left columns, then right columns (renamed on a clash). LEFT keeps unmatched left rows.
     */
    record HashJoin(PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys, JoinType type)
            implements PlanNode {
        public HashJoin {
            leftKeys = List.copyOf(leftKeys);
            rightKeys = List.copyOf(rightKeys);
            if (leftKeys.size() != rightKeys.size() || leftKeys.isEmpty()) {
                throw new IllegalArgumentException("a hash join needs the same number (> 0) of keys on both sides");
            }
        }

        @Override
        public Schema schema() {
            List<Column> columns = new ArrayList<>(left.schema().columns());
            Set<String> names = new HashSet<>();
            columns.forEach(c -> names.add(c.name()));
            for (Column c : right.schema().columns()) {
                String name = c.name();
                for (int n = 2; names.contains(name); n++) {
                    name = c.name() + "_" + n;
                }
                names.add(name);
                columns.add(c.withName(name));
            }
            return new Schema(columns);
        }
    }

    /** Join types of {@link HashJoin}. */
    enum JoinType { INNER, LEFT }
}
