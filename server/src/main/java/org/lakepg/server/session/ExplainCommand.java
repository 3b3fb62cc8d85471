package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.Executor;
import org.lakepg.server.exec.explain.ExplainOptions;
import org.lakepg.server.exec.explain.NodeStats;
import org.lakepg.server.exec.explain.PlanPrinter;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.ExplainStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** EXPLAIN [ANALYZE]: the plan of a statement in PostgreSQL's text layout, one row per line. */
final class ExplainCommand {
    static final List<OutputColumn> COLUMNS = List.of(OutputColumn.computed("QUERY PLAN", TypeOids.TEXT, -1));

    private ExplainCommand() {}

    static ExplainOptions options(ExplainStmt explain) {
        boolean analyze = false;
        boolean verbose = false;
        boolean costs = true;
        Boolean timing = null;
        Boolean summary = null;
        for (DefElem option : explain.options()) {
            String name = option.defname().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "analyze" -> analyze = flag(option);
                case "verbose" -> verbose = flag(option);
                case "costs" -> costs = flag(option);
                case "timing" -> timing = flag(option);
                case "summary" -> summary = flag(option);
                case "buffers", "settings", "wal" -> flag(option);
                case "format" -> {
                    String format = String.valueOf(option.arg()).toLowerCase(java.util.Locale.ROOT);
                    if (!format.equals("text")) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN format %s is not supported yet",
                                format);
                    }
                }
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized EXPLAIN option \"%s\"", option.defname());
            }
        }
        if (timing == Boolean.TRUE && !analyze) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "EXPLAIN option TIMING requires ANALYZE");
        }
        return new ExplainOptions(analyze, verbose, costs, timing == null ? analyze : timing,
                summary == null ? analyze : summary);
    }

    private static boolean flag(DefElem option) {
        Object arg = option.arg();
        if (arg == null) {
            return true;
        }
        String value = String.valueOf(arg instanceof org.lakepg.server.sql.ast.AConst c ? c.value() : arg)
                .toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "on", "1", "t", "yes" -> true;
            case "false", "off", "0", "f", "no" -> false;
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%s requires a Boolean value", option.defname().toLowerCase(java.util.Locale.ROOT));
        };
    }

    static Execution run(ExplainStmt explain, QueryPlan plan, long planningNanos, Executor executor,
                         ExecContext context, org.lakepg.server.sql.analyzer.AnalyzerCatalog types,
                         TypeIO io, FunctionContext session) {
        return run(explain, plan, planningNanos, executor, context, types, io, session, rows -> {
            for (Iterator<Object[]> it = rows.get(); it.hasNext(); ) {
                it.next();
            }
        });
    }

    /**
     * @param consume under ANALYZE, what is done with the plan's rows (opened by calling the supplier, if at all):
     *     read and dropped for a query, inserted into the new table for CREATE TABLE AS
     * @param planningNanos how long the analysis and planning of the statement took (its "Planning Time")
     */
    static Execution run(ExplainStmt explain, QueryPlan plan, long planningNanos, Executor executor, ExecContext context,
                         org.lakepg.server.sql.analyzer.AnalyzerCatalog types, TypeIO io, FunctionContext session,
                         java.util.function.Consumer<java.util.function.Supplier<Iterator<Object[]>>> consume) {
        ExplainOptions options = options(explain);
        Map<PlanNode, NodeStats> stats = Map.of();
        long executionNanos = 0;
        if (options.analyze()) {
            stats = context.instrument();
            long start = System.nanoTime();
            consume.accept(() -> executor.open(plan.root(), context));
            executionNanos = System.nanoTime() - start;
        }
        List<String> lines = new ArrayList<>(new PlanPrinter(options, stats, types, io, session, plan.root(),
                types.planner(), plan.rangeTableSize())
                .print(plan.root()));
        if (options.summary()) {
            lines.add(String.format("Planning Time: %.3f ms", planningNanos / 1e6));
            if (options.analyze()) {
                lines.add(String.format("Execution Time: %.3f ms", executionNanos / 1e6));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        lines.forEach(l -> rows.add(new Object[] {l}));
        return Execution.rows(COLUMNS, rows, "EXPLAIN");
    }
}
