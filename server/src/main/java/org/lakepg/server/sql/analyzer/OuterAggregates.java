package org.lakepg.server.sql.analyzer;

import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * Outer-level aggregates (PostgreSQL's agglevelsup): an aggregate whose arguments name only columns
 * of an enclosing query belongs to that query. It is analyzed again at that level, computed there
 * with the level's other aggregates, and the subquery reads its value as a correlation parameter.
 */
final class OuterAggregates {
    private OuterAggregates() {}

    /** One query level around a subquery: its names, the subquery's view of them and its aggregate rules. */
    record Level(Scope scope, CorrelatedScope view, AggregateCollector aggregates, String forbiddenIn,
                 int cteDepth) {}

    /**
     * The aggregate call {@code f} made at the innermost enclosing level (or further out, when its arguments
     * name only columns from there), as a parameter of the subquery.
     *
     * @param correlationMark how many correlations the innermost level had before {@code f}'s arguments were
     *                        analyzed: the ones they added are dropped, the outer level computes them itself
     */
    static BoundExpr atOuterLevel(ExpressionAnalyzer analyzer, FuncCall f, int correlationMark) {
        var levels = analyzer.outerLevels();
        Level level = levels.pop();
        try {
            level.view().forgetSince(correlationMark);
            // the WITH items of the levels in between are not the aggregate's to read (bug #19055)
            var hidden = analyzer.ctes().hideBelow(level.cteDepth(), f.location());
            BoundExpr value;
            try {
                value = analyzer.analyzeAtLevel(f, level);
            } finally {
                analyzer.ctes().restoreHidden(hidden);
            }
            return level.view().parameterFor(value);
        } finally {
            levels.push(level);
        }
    }
}
