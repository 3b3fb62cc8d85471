package org.lakepg.server.sql.plan.expr;

import java.util.regex.Pattern;

/**
 * The special-syntax niladic functions (CURRENT_USER, CURRENT_DATE, LOCALTIMESTAMP(2), ...) run as calls of catalog
 * functions but print as PostgreSQL's SQLValueFunction does: by their keyword. The analyzer names the outermost call
 * of one by that keyword; deparsers print such a call as its name alone.
 */
public final class SqlValueFunctions {
    private SqlValueFunctions() {}

    private static final Pattern KEYWORD = Pattern.compile("(CURRENT_(DATE|TIME|TIMESTAMP|ROLE|USER|CATALOG|SCHEMA)"
            + "|LOCALTIME|LOCALTIMESTAMP|USER|SESSION_USER)(\\([0-9]+\\))?");

    /** The keyword the value function prints as, with the precision given (for the _N forms). */
    public static String keyword(org.lakepg.server.sql.ast.SQLValueFunction.Op op, int typmod) {
        String name = op.name();
        return name.endsWith("_N") ? name.substring(0, name.length() - 2) + "(" + typmod + ")" : name;
    }

    /** A call the analyzer made for a value function (a built-in named by the keyword). */
    public static boolean isValueFunction(FuncExpr f) {
        return f.function() > 0 && f.function() < org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID
                && KEYWORD.matcher(f.name()).matches();
    }

    /** The call renamed to the keyword, so that it prints as one; other expressions are left as they are. */
    public static BoundExpr named(BoundExpr e, String keyword) {
        if (!(e instanceof FuncExpr f)) {
            return e;
        }
        // the code that runs is found by prosrc, or by the name when there is none: keep the old name there
        String source = f.source() == null || f.source().isEmpty() ? f.name() : f.source();
        return new FuncExpr(f.function(), keyword, source, f.form(), f.arguments(), f.strict(), f.volatility(),
                f.type(), f.typmod());
    }
}
