package org.lakepg.server.sql.analyzer;

import java.util.List;

import org.lakepg.server.sql.ast.AArrayExpr;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CoalesceExpr;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.MinMaxExpr;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SQLValueFunction;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.TypeCast;

/** FigureColname: the name PostgreSQL gives an output column that has no AS. */
public final class ColumnNames {
    private ColumnNames() {}

    public static String figure(Expr expr) {
        String name = strength(expr);
        return name == null ? "?column?" : name;
    }

    private static String strength(Expr expr) {
        return switch (expr) {
            case ColumnRef c -> c.star() ? starred(c) : c.fields().get(c.fields().size() - 1);
            case FuncCall f -> f.funcname().get(f.funcname().size() - 1);
            case TypeCast t -> {
                String inner = strength(t.arg());
                yield inner != null && !weak(t.arg()) ? inner
                        : t.typeName().names().get(t.typeName().names().size() - 1);
            }
            case CaseExpr c -> {
                String inner = c.defresult() == null ? null : strength(c.defresult());
                yield inner != null ? inner : "case";
            }
            case CoalesceExpr c -> "coalesce";
            case org.lakepg.server.sql.ast.AExpr a when a.kind() == org.lakepg.server.sql.ast.AExpr.Kind.NULLIF -> "nullif";
            case MinMaxExpr m -> m.op() == MinMaxExpr.Op.GREATEST ? "greatest" : "least";
            case AArrayExpr a -> "array";
            case RowExpr r -> "row";
            // (x).f is named f; x[i] is named as x
            case org.lakepg.server.sql.ast.AIndirection i -> i.indirection().get(i.indirection().size() - 1)
                    instanceof org.lakepg.server.sql.ast.FieldName f ? f.name() : strength(i.arg());
            case SubLink s -> switch (s.kind()) {
                case EXISTS -> "exists";
                case ARRAY -> "array";
                case EXPR -> firstColumn(s.subselect());
                default -> null;
            };
            case SQLValueFunction f -> switch (f.op()) {
                case CURRENT_DATE -> "current_date";
                case CURRENT_TIME, CURRENT_TIME_N -> "current_time";
                case CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N -> "current_timestamp";
                case LOCALTIME, LOCALTIME_N -> "localtime";
                case LOCALTIMESTAMP, LOCALTIMESTAMP_N -> "localtimestamp";
                case CURRENT_ROLE -> "current_role";
                case CURRENT_USER -> "current_user";
                case USER -> "user";
                case SESSION_USER -> "session_user";
                case CURRENT_CATALOG -> "current_catalog";
                case CURRENT_SCHEMA -> "current_schema";
            };
            default -> null;
        };
    }

    /** {@code t.*} (not expanded, as in {@code (t.*)::text}) is named t: the last field name, ignoring the star. */
    private static String starred(ColumnRef c) {
        List<String> f = c.fields();
        int last = f.size() - 1;
        if (last >= 0 && f.get(last).equals("*")) {
            last--;
        }
        return last >= 0 ? f.get(last) : null;
    }

    /** The name of a scalar subquery's column: its query's (a set operation's from its left side, VALUES' column1). */
    private static String firstColumn(org.lakepg.server.sql.ast.SelectStmt q) {
        if (q.op() != org.lakepg.server.sql.ast.SelectStmt.SetOperation.NONE && q.larg() != null) {
            return firstColumn(q.larg());
        }
        if (q.valuesLists() != null && !q.valuesLists().isEmpty()) {
            return "column1";
        }
        return q.targetList().size() == 1 && q.targetList().get(0).name() != null ? q.targetList().get(0).name()
                : q.targetList().isEmpty() ? null : strength(q.targetList().get(0).val());
    }

    /** FigureColname's strength 1: a name taken from a cast's type or "case", which an outer cast overrides. */
    private static boolean weak(Expr expr) {
        return switch (expr) {
            case TypeCast t -> strength(t.arg()) == null || weak(t.arg());
            case CaseExpr c -> c.defresult() == null || strength(c.defresult()) == null || weak(c.defresult());
            default -> false;
        };
    }
}
