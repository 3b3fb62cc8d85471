package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** EXECUTE name(args): the arguments bound and coerced to the prepared statement's parameter types (EvaluateParams). */
public final class ExecuteParameters {
    private ExecuteParameters() {}

    public static List<BoundExpr> bind(ExpressionAnalyzer expressions, AnalyzerCatalog catalog, String name,
                                       List<Expr> arguments, long[] types) {
        List<Expr> given = arguments == null ? List.of() : arguments;
        if (given.size() != types.length) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "wrong number of parameters for prepared statement \"%s\"", name)
                    .withDetail("Expected " + types.length + " parameters but got " + given.size() + ".");
        }
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            Expr e = given.get(i);
            BoundExpr value = expressions.analyzeWithoutAggregates(e, Scope.EMPTY, "EXECUTE parameter");
            int location = ExpressionAnalyzer.location(e);
            long type = types[i];
            int number = i + 1;
            out.add(expressions.coercer().tryCoerce(value, type, -1, TypeCoercion.Context.ASSIGNMENT, location)
                    .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                            "parameter $%d of type %s cannot be coerced to the expected type %s", number,
                            TypeNames.format(catalog, value.type()), TypeNames.format(catalog, type))
                            .withHint("You will need to rewrite or cast the expression."), location)));
        }
        return out;
    }
}
