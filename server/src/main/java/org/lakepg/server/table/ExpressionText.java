package org.lakepg.server.table;

import java.util.List;
import java.util.stream.Collectors;
import org.lakepg.server.sql.ast.AArrayExpr;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.BooleanTest;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CaseWhen;
import org.lakepg.server.sql.ast.CoalesceExpr;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ExprList;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.MinMaxExpr;
import org.lakepg.server.sql.ast.NamedArgExpr;
import org.lakepg.server.sql.ast.NullTest;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SQLValueFunction;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SQL text of a parsed expression, for the catalog to store column defaults and CHECK conditions (re-parsed when
 * a statement needs them). Every sub-expression is parenthesised, so the text parses back to the same tree.
 */
public final class ExpressionText {
    private ExpressionText() {}

    public static String of(Expr e) {
        return switch (e) {
            case AConst c -> constant(c);
            case ColumnRef c -> c.star() ? "*" : c.fields().stream().map(ExpressionText::ident)
                    .collect(Collectors.joining("."));
            case TypeCast c -> "(" + of(c.arg()) + ")::" + type(c.typeName());
            case AExpr a -> operator(a);
            case BoolExpr b -> switch (b.op()) {
                case NOT -> "(NOT " + of(b.args().get(0)) + ")";
                case AND -> "(" + join(b.args(), " AND ") + ")";
                case OR -> "(" + join(b.args(), " OR ") + ")";
            };
            case NullTest n -> "(" + of(n.arg()) + (n.isNull() ? " IS NULL)" : " IS NOT NULL)");
            case BooleanTest b -> "(" + of(b.arg()) + " " + b.kind().name().replace('_', ' ') + ")";
            case FuncCall f -> function(f);
            case NamedArgExpr n -> ident(n.name()) + " => " + of(n.arg());
            case SQLValueFunction v -> valueFunction(v);
            case CaseExpr c -> caseText(c);
            case CoalesceExpr c -> "COALESCE(" + join(c.args(), ", ") + ")";
            case MinMaxExpr m -> m.op().name() + "(" + join(m.args(), ", ") + ")";
            case RowExpr r -> "ROW(" + join(r.args(), ", ") + ")";
            case AArrayExpr a -> "ARRAY[" + join(a.elements(), ", ") + "]";
            case ExprList l -> "(" + join(l.items(), ", ") + ")";
            case org.lakepg.server.sql.ast.AIndirection i -> indirection(i);
            case CollateClause c -> "(" + of(c.arg()) + " COLLATE " + c.collname().stream().map(ExpressionText::ident)
                    .collect(Collectors.joining(".")) + ")";
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "this kind of expression is not supported in defaults and constraints yet");
        };
    }

    /** {@code (x)[i].f}: subscripts and field selections after a parenthesised base. */
    private static String indirection(org.lakepg.server.sql.ast.AIndirection i) {
        StringBuilder out = new StringBuilder("(").append(of(i.arg())).append(")");
        for (org.lakepg.server.sql.ast.Indirection step : i.indirection()) {
            switch (step) {
                case org.lakepg.server.sql.ast.FieldName f -> out.append('.').append(ident(f.name()));
                case org.lakepg.server.sql.ast.AIndices x -> {
                    out.append('[');
                    if (x.isSlice()) {
                        out.append(x.lidx() == null ? "" : of(x.lidx())).append(':');
                    }
                    out.append(x.uidx() == null ? "" : of(x.uidx())).append(']');
                }
                default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "this kind of expression is not supported in defaults and constraints yet");
            }
        }
        return out.toString();
    }

    /** The distinct column names an expression refers to, in order of appearance (for naming constraints). */
    public static java.util.Set<String> columnNames(Expr e) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, java.util.Set<String> out) {
        switch (e) {
            case null -> { }
            case ColumnRef c -> {
                if (!c.star()) {
                    out.add(c.fields().get(c.fields().size() - 1));
                }
            }
            case TypeCast c -> collect(c.arg(), out);
            case AExpr a -> {
                collect(a.left(), out);
                collect(a.right(), out);
            }
            case BoolExpr b -> b.args().forEach(x -> collect(x, out));
            case NullTest n -> collect(n.arg(), out);
            case BooleanTest b -> collect(b.arg(), out);
            case FuncCall f -> {
                if (f.args() != null) {
                    f.args().forEach(x -> collect(x, out));
                }
            }
            case NamedArgExpr n -> collect(n.arg(), out);
            case CaseExpr c -> {
                collect(c.arg(), out);
                c.whens().forEach(w -> {
                    collect(w.expr(), out);
                    collect(w.result(), out);
                });
                collect(c.defresult(), out);
            }
            case CoalesceExpr c -> c.args().forEach(x -> collect(x, out));
            case MinMaxExpr m -> m.args().forEach(x -> collect(x, out));
            case RowExpr r -> r.args().forEach(x -> collect(x, out));
            case AArrayExpr a -> a.elements().forEach(x -> collect(x, out));
            case ExprList l -> l.items().forEach(x -> collect(x, out));
            case CollateClause c -> collect(c.arg(), out);
            default -> { }
        }
    }

    private static String join(List<Expr> list, String separator) {
        return list.stream().map(ExpressionText::of).collect(Collectors.joining(separator));
    }

    private static String constant(AConst c) {
        return switch (c.kind()) {
            case INTEGER, NUMERIC -> c.value().startsWith("-") ? "(" + c.value() + ")" : c.value();
            case STRING -> literal(c.value());
            case BITSTRING -> "B" + literal(c.value().startsWith("b") || c.value().startsWith("B")
                    ? c.value().substring(1) : c.value());
            case BOOLEAN -> c.value().startsWith("t") ? "true" : "false";
            case NULL -> "NULL";
        };
    }

    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public static String ident(String s) {
        return s.matches("[a-z_][a-z0-9_$]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String type(TypeName t) {
        StringBuilder out = new StringBuilder(t.names().stream().map(ExpressionText::ident)
                .collect(Collectors.joining(".")));
        if (t.typmods() != null && !t.typmods().isEmpty()) {
            out.append('(').append(join(t.typmods(), ", ")).append(')');
        }
        if (t.arrayBounds() != null) {
            for (Integer bound : t.arrayBounds()) {
                out.append('[').append(bound == null || bound < 0 ? "" : bound).append(']');
            }
        }
        return out.toString();
    }

    private static String operator(AExpr a) {
        String op = a.name().get(a.name().size() - 1);
        String qualified = a.name().size() == 1 ? op : "OPERATOR(" + String.join(".", a.name()) + ")";
        return switch (a.kind()) {
            case OP, LIKE, ILIKE, SIMILAR -> a.left() == null ? "(" + qualified + " " + of(a.right()) + ")"
                    : "(" + of(a.left()) + " " + qualified + " " + of(a.right()) + ")";
            case OP_ANY -> "(" + of(a.left()) + " " + qualified + " ANY (" + of(a.right()) + "))";
            case OP_ALL -> "(" + of(a.left()) + " " + qualified + " ALL (" + of(a.right()) + "))";
            case DISTINCT -> "(" + of(a.left()) + " IS DISTINCT FROM " + of(a.right()) + ")";
            case NOT_DISTINCT -> "(" + of(a.left()) + " IS NOT DISTINCT FROM " + of(a.right()) + ")";
            case NULLIF -> "NULLIF(" + of(a.left()) + ", " + of(a.right()) + ")";
            case IN -> "(" + of(a.left()) + (op.equals("=") ? " IN " : " NOT IN ") + of(a.right()) + ")";
            case BETWEEN, NOT_BETWEEN, BETWEEN_SYM, NOT_BETWEEN_SYM -> {
                List<Expr> bounds = ((ExprList) a.right()).items();
                yield "(" + of(a.left()) + " " + op + " " + of(bounds.get(0)) + " AND " + of(bounds.get(1)) + ")";
            }
        };
    }

    private static String function(FuncCall f) {
        if (f.over() != null || f.aggFilter() != null || f.aggOrder() != null && !f.aggOrder().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "this kind of expression is not supported in defaults and constraints yet");
        }
        String name = f.funcname().stream().map(ExpressionText::ident).collect(Collectors.joining("."));
        if (f.aggStar()) {
            return name + "(*)";
        }
        String args = f.args() == null ? "" : join(f.args(), ", ");
        return name + "(" + (f.aggDistinct() ? "DISTINCT " : "") + (f.funcVariadic() ? "VARIADIC " : "") + args + ")";
    }

    private static String valueFunction(SQLValueFunction v) {
        String name = v.op().name();
        if (name.endsWith("_N")) {
            return name.substring(0, name.length() - 2) + "(" + v.typmod() + ")";
        }
        return name;
    }

    private static String caseText(CaseExpr c) {
        StringBuilder out = new StringBuilder("CASE");
        if (c.arg() != null) {
            out.append(' ').append(of(c.arg()));
        }
        for (CaseWhen w : c.whens()) {
            out.append(" WHEN ").append(of(w.expr())).append(" THEN ").append(of(w.result()));
        }
        if (c.defresult() != null) {
            out.append(" ELSE ").append(of(c.defresult()));
        }
        return out.append(" END").toString();
    }
}
