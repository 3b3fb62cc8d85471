package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.SubLink;

/**
 * Whether a syntax tree calls a set-returning function outside subqueries, judged by name before analysis: a
 * one-row VALUES of INSERT that does runs as a select list (PostgreSQL's EXPR_KIND_VALUES_SINGLE).
 */
final class SetReturningCalls {
    private SetReturningCalls() {}

    static boolean any(Object node, AnalyzerCatalog catalog) {
        return switch (node) {
            case null -> false;
            case SubLink l -> false;
            case FuncCall f when f.over() == null && catalog.functions(f.funcname()).stream()
                    .anyMatch(ProcEntry::returnsSet) -> true;
            case List<?> list -> list.stream().anyMatch(e -> any(e, catalog));
            case Record r -> {
                for (var component : r.getClass().getRecordComponents()) {
                    try {
                        if (any(component.getAccessor().invoke(r), catalog)) {
                            yield true;
                        }
                    } catch (ReflectiveOperationException unreadable) {
                        yield false;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    /** A VALUES item (other than INSERT's single row) may not call a set-returning function. */
    static void refuseInValues(org.lakepg.server.sql.plan.expr.BoundExpr analyzed, org.lakepg.server.sql.ast.Expr item,
                               AnalyzerCatalog catalog) {
        if (ExprRewriter.any(analyzed, e -> e instanceof org.lakepg.server.sql.plan.expr.FuncExpr f
                && catalog.function(f.function()).map(ProcEntry::returnsSet).orElse(false))) {
            throw Coercer.at(org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "set-returning functions are not allowed in VALUES"), ExpressionAnalyzer.location(item));
        }
    }

    /** INSERT's single VALUES row as the select list without FROM it means. */
    static org.lakepg.server.sql.ast.SelectStmt asSelect(List<org.lakepg.server.sql.ast.Expr> row) {
        List<org.lakepg.server.sql.ast.ResTarget> targets = row.stream()
                .map(e -> new org.lakepg.server.sql.ast.ResTarget(null, List.of(), e, -1)).toList();
        return new org.lakepg.server.sql.ast.SelectStmt(null, null, targets, List.of(), null, List.of(), false, null,
                List.of(), List.of(), List.of(), null, null, org.lakepg.server.sql.ast.SelectStmt.LimitOption.DEFAULT,
                List.of(), null, org.lakepg.server.sql.ast.SelectStmt.SetOperation.NONE, false, null, null);
    }
}
