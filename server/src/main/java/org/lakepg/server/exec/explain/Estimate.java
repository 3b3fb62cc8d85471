package org.lakepg.server.exec.explain;

import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.ValuesNode;

/**
 * Rough cost figures for EXPLAIN: lakepg keeps no table statistics yet, so these follow
 * PostgreSQL's defaults for a table it knows nothing about; they order plans, they do not predict times.
 */
record Estimate(double startup, double total, long rows, int width) {

    static Estimate of(PlanNode p) {
        return switch (p) {
            case ResultNode r -> new Estimate(0, 0.01, 1, 0);
            case ValuesNode v -> new Estimate(0, 0.0125 * v.rows().size(), v.rows().size(), 4 * v.width());
            case SeqScanNode s -> new Estimate(0, 22.70, 1270, width(s.table()));
            case IndexScanNode s -> new Estimate(0.15, 8.17, 1, width(s.table()));
            case FilterNode f -> {
                Estimate in = of(f.input());
                yield new Estimate(in.startup, in.total + in.rows * 0.0025, Math.max(1, in.rows / 3), in.width);
            }
            case LimitNode l -> {
                Estimate in = of(l.input());
                yield new Estimate(in.startup, in.total, Math.min(in.rows, 10), in.width);
            }
            case AggregateNode a -> {
                Estimate in = of(a.input());
                long rows = a.groupKeys().isEmpty() ? 1 : Math.max(1, in.rows / 5);
                yield new Estimate(in.total, in.total + in.rows * 0.01, rows, 8 * a.width());
            }
            case NestedLoopJoinNode j -> {
                Estimate l = of(j.left());
                Estimate r = of(j.right());
                yield new Estimate(l.startup + r.startup, l.total + l.rows * r.total, Math.max(1, l.rows * r.rows / 10),
                        l.width + r.width);
            }
            default -> new Estimate(0, 10, 100, 4 * p.width());
        };
    }

    private static int width(org.lakepg.server.table.TableInfo table) {
        int w = 0;
        for (var c : table.columns()) {
            long t = c.type();
            w += t == TypeOids.INT4 ? 4 : t == TypeOids.INT8 || t == TypeOids.FLOAT8 ? 8 : t == TypeOids.INT2 ? 2
                    : t == TypeOids.BOOL ? 1 : 32;
        }
        return w;
    }
}
