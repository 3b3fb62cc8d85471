package org.lakepg.server.sql.analyzer;

import org.lakepg.server.function.scalar.JsonBuild;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/** What calls of the json functions need beyond ordinary resolution: row types bound, VARIADIC arrays marked. */
final class JsonCalls {
    private JsonCalls() {}

    /**
     * {@code variadicArray}: the call passed VARIADIC array to a VARIADIC "any" function, whose code must then
     * take the array's elements as the arguments (PostgreSQL's get_fn_expr_variadic).
     */
    static BoundExpr rewrite(FuncExpr call, boolean variadicArray, ExpressionAnalyzer analyzer, AnalyzerCatalog catalog) {
        if (variadicArray && call.source() != null && JsonBuild.hasVariadicForm(call.source())) {
            return new FuncExpr(call.function(), call.name(), JsonBuild.variadicForm(call.source()), call.form(),
                    call.arguments(), call.strict(), call.volatility(), call.type(), call.typmod());
        }
        return JsonRecordCalls.bind(call, analyzer, catalog);
    }
}
