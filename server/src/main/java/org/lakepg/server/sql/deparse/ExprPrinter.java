package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CaseWhen;
import org.lakepg.server.sql.ast.CoalesceExpr;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.NullTest;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.server.sql.parser.FrameOptions;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * Prints one query level's expressions as ruleutils' get_rule_expr does. An expression without aggregates, window
 * calls or subqueries is bound and printed from its analyzed form (types, implicit casts, resolved operators); the
 * nodes above those are printed from the syntax tree, their other parts again bound.
 */
final class ExprPrinter {
    private final QueryDeparser queries;
    private final QueryLevel level;
    private final DeparseContext context;
    private final ExpressionDeparser bound;

    ExprPrinter(QueryDeparser queries, QueryLevel level, DeparseContext context) {
        this.queries = queries;
        this.level = level;
        this.context = context;
        this.bound = queries.boundDeparser(context);
    }

    String print(Expr e, boolean showImplicit) {
        if (!special(e)) {
            return bound.deparse(level.binder.bind(e), showImplicit, context.prettyParen);
        }
        return switch (e) {
            case FuncCall f when f.over() != null -> windowCall(f);
            case FuncCall f when aggregate(f) -> aggregateCall(f);
            case FuncCall f -> Identifiers.quoteIfNeeded(f.funcname().get(f.funcname().size() - 1)) + "("
                    + String.join(", ", f.args().stream().map(a -> print(a, true)).toList()) + ")";
            case SubLink s -> sublink(s);
            case BoolExpr b -> switch (b.op()) {
                case NOT -> open() + "NOT " + child(b.args().get(0), e) + close();
                case AND, OR -> open() + String.join(" " + b.op().name() + " ",
                        b.args().stream().map(a -> child(a, e)).toList()) + close();
            };
            case AExpr a when a.kind() == AExpr.Kind.OP && a.left() == null -> open() + a.name().get(a.name().size() - 1)
                    + " " + child(a.right(), e) + close();
            case AExpr a when a.kind() == AExpr.Kind.OP -> open() + child(a.left(), e) + " "
                    + a.name().get(a.name().size() - 1) + " " + child(a.right(), e) + close();
            case TypeCast c -> "(" + print(c.arg(), false) + ")::" + typeName(c);
            case NullTest n -> open() + child(n.arg(), e) + (n.isNull() ? " IS NULL" : " IS NOT NULL") + close();
            case CoalesceExpr c -> "COALESCE(" + String.join(", ", c.args().stream().map(a -> print(a, false)).toList())
                    + ")";
            case CaseExpr c -> caseExpr(c);
            default -> throw new UnsupportedOperationException("cannot deparse " + e.getClass().getSimpleName());
        };
    }

    /** A select-list entry: an untyped literal there is text (PostgreSQL resolves unknown output columns so). */
    String printTarget(Expr e) {
        if (!special(e)) {
            BoundExpr b = level.binder.bind(e);
            if (b.type() == TypeOids.UNKNOWN) {
                b = level.binder.coerce(b, TypeOids.TEXT);
            }
            return bound.deparse(b, true, context.prettyParen);
        }
        return print(e, true);
    }

    private String open() {
        return context.prettyParen ? "" : "(";
    }

    private String close() {
        return context.prettyParen ? "" : ")";
    }

    /** An operand, parenthesised in pretty mode when it is itself an operator or boolean combination. */
    private String child(Expr e, Expr parent) {
        String text = print(e, true);
        if (!context.prettyParen) {
            return text;
        }
        boolean compound = e instanceof AExpr || e instanceof NullTest
                || e instanceof BoolExpr b && !(parent instanceof BoolExpr p && (p.op() == b.op() && b.op() != BoolExpr.BoolOp.NOT
                || b.op() == BoolExpr.BoolOp.NOT && p.op() != BoolExpr.BoolOp.NOT || b.op() == BoolExpr.BoolOp.AND
                && p.op() == BoolExpr.BoolOp.OR));
        if (e instanceof AExpr && parent instanceof BoolExpr || e instanceof NullTest && parent instanceof BoolExpr) {
            compound = false;
        }
        return compound ? "(" + text + ")" : text;
    }

    private String caseExpr(CaseExpr c) {
        boolean indent = context.prettyIndent;
        StringBuilder out = new StringBuilder(context.keywordText("CASE", 0, DeparseContext.INDENT_VAR, 0));
        if (c.arg() != null) {
            out.append(' ').append(print(c.arg(), true));
        }
        for (CaseWhen w : c.whens()) {
            out.append(indent ? "" : " ").append(context.keywordText("WHEN ", 0, 0, 0)).append(print(w.expr(), false))
                    .append(" THEN ").append(print(w.result(), true));
        }
        out.append(indent ? "" : " ").append(context.keywordText("ELSE ", 0, 0, 0))
                .append(c.defresult() != null ? print(c.defresult(), true) : "NULL");
        return out.append(indent ? "" : " ").append(context.keywordText("END", -DeparseContext.INDENT_VAR, 0, 0))
                .toString();
    }

    private String typeName(TypeCast c) {
        BoundExpr typed = level.binder.bind(new TypeCast(new AConst(AConst.Kind.NULL, null, -1), c.typeName(), -1));
        return org.lakepg.server.sql.analyzer.TypeNames.format(level.binder.catalog(), typed.type(), typed.typmod());
    }

    /** get_sublink_expr: (EXISTS (query)), (x IN (query)), (x op ANY (query)), (query), ARRAY(query). */
    private String sublink(SubLink s) {
        StringBuilder out = new StringBuilder(s.kind() == SubLink.Kind.ARRAY ? "ARRAY(" : "(");
        String operator = s.operName() == null || s.operName().isEmpty() ? "="
                : s.operName().get(s.operName().size() - 1);
        if (s.testexpr() != null) {
            out.append(print(s.testexpr(), true));
        }
        boolean paren = true;
        switch (s.kind()) {
            case EXISTS -> out.append("EXISTS ");
            case ANY -> out.append(operator.equals("=") ? " IN " : " " + operator + " ANY ");
            case ALL -> out.append(" ").append(operator).append(" ALL ");
            case ROWCOMPARE -> out.append(" ").append(operator).append(" ");
            default -> paren = false;
        }
        if (paren) {
            out.append('(');
        }
        DeparseContext inner = new DeparseContext(new StringBuilder(), context.prettyParen, context.prettyIndent,
                context.wrapColumn, context.indentLevel);
        queries.query(s.subselect(), inner, level, null, false);
        out.append(inner.buf);
        return out.append(paren ? "))" : ")").toString();
    }

    private boolean aggregate(FuncCall f) {
        return f.aggStar() || f.aggDistinct() || f.aggFilter() != null || f.aggWithinGroup()
                || f.aggOrder() != null && !f.aggOrder().isEmpty() || level.binder.aggregateOrWindow(f.funcname());
    }

    /** get_agg_expr: name([DISTINCT] args [ORDER BY ...]) [WITHIN GROUP (ORDER BY ...)] [FILTER (WHERE ...)]. */
    private String aggregateCall(FuncCall f) {
        StringBuilder out = new StringBuilder(functionName(f)).append('(');
        out.append(arguments(f));
        if (!f.aggWithinGroup() && f.aggOrder() != null && !f.aggOrder().isEmpty()) {
            out.append(" ORDER BY ").append(orderBy(f.aggOrder(), false));
        }
        out.append(')');
        if (f.aggWithinGroup()) {
            out.append(" WITHIN GROUP (ORDER BY ").append(orderBy(f.aggOrder(), false)).append(')');
        }
        if (f.aggFilter() != null) {
            out.append(" FILTER (WHERE ").append(print(f.aggFilter(), false)).append(')');
        }
        return out.toString();
    }

    private String arguments(FuncCall f) {
        if (f.aggStar()) {
            return "*";
        }
        List<String> args = new ArrayList<>();
        var coerced = level.binder.aggregateArguments(f);
        for (int i = 0; i < f.args().size(); i++) {
            Expr a = f.args().get(i);
            if (coerced.isPresent() && !special(a) && i < coerced.get().size()) {
                args.add(bound.deparse(coerced.get().get(i), true, context.prettyParen));
            } else {
                args.add(print(a, true));
            }
        }
        return (f.aggDistinct() ? "DISTINCT " : "") + String.join(", ", args);
    }

    private static String functionName(FuncCall f) {
        return Identifiers.quoteIfNeeded(f.funcname().get(f.funcname().size() - 1));
    }

    /** get_windowfunc_expr: name(args) [FILTER (...)] OVER name | OVER (spec). */
    private String windowCall(FuncCall f) {
        StringBuilder out = new StringBuilder(functionName(f)).append('(').append(arguments(f)).append(')');
        if (f.aggFilter() != null) {
            out.append(" FILTER (WHERE ").append(print(f.aggFilter(), false)).append(')');
        }
        out.append(" OVER ");
        WindowDef w = f.over();
        boolean onlyReference = w.refname() != null && (w.partitionClause() == null || w.partitionClause().isEmpty())
                && (w.orderClause() == null || w.orderClause().isEmpty()) && (w.frameOptions() & FrameOptions.NONDEFAULT) == 0;
        if (w.name() != null || onlyReference) {
            return out.append(Identifiers.quoteIfNeeded(w.name() != null ? w.name() : w.refname())).toString();
        }
        return out.append(windowSpec(w)).toString();
    }

    /** get_rule_windowspec: (ref PARTITION BY ... ORDER BY ... frame). */
    String windowSpec(WindowDef w) {
        StringBuilder out = new StringBuilder("(");
        boolean space = false;
        if (w.refname() != null) {
            out.append(Identifiers.quoteIfNeeded(w.refname()));
            space = true;
        }
        if (w.partitionClause() != null && !w.partitionClause().isEmpty() && w.refname() == null) {
            out.append(space ? " " : "").append("PARTITION BY ").append(String.join(", ", w.partitionClause().stream()
                    .map(this::sortGroupExpr).toList()));
            space = true;
        }
        List<BoundExpr> orderTypes = new ArrayList<>();
        if (w.orderClause() != null && !w.orderClause().isEmpty()) {
            out.append(space ? " " : "").append("ORDER BY ").append(orderBy(w.orderClause(), false));
            space = true;
            try {
                orderTypes.add(level.binder.bind(w.orderClause().get(0).node()));
            } catch (RuntimeException e) {
                // the offset then prints as written
            }
        }
        int o = w.frameOptions();
        if ((o & FrameOptions.NONDEFAULT) != 0) {
            out.append(space ? " " : "");
            out.append((o & FrameOptions.RANGE) != 0 ? "RANGE " : (o & FrameOptions.ROWS) != 0 ? "ROWS " : "GROUPS ");
            if ((o & FrameOptions.BETWEEN) != 0) {
                out.append("BETWEEN ");
            }
            out.append(frameBound(o, w.startOffset(), orderTypes, FrameOptions.START_UNBOUNDED_PRECEDING,
                    "UNBOUNDED PRECEDING ", FrameOptions.START_CURRENT_ROW, FrameOptions.START_OFFSET_PRECEDING,
                    FrameOptions.START_OFFSET_FOLLOWING));
            if ((o & FrameOptions.BETWEEN) != 0) {
                out.append("AND ").append(frameBound(o, w.endOffset(), orderTypes, FrameOptions.END_UNBOUNDED_FOLLOWING,
                        "UNBOUNDED FOLLOWING ", FrameOptions.END_CURRENT_ROW, FrameOptions.END_OFFSET_PRECEDING,
                        FrameOptions.END_OFFSET_FOLLOWING));
            }
            if ((o & FrameOptions.EXCLUDE_CURRENT_ROW) != 0) {
                out.append("EXCLUDE CURRENT ROW ");
            } else if ((o & FrameOptions.EXCLUDE_GROUP) != 0) {
                out.append("EXCLUDE GROUP ");
            } else if ((o & FrameOptions.EXCLUDE_TIES) != 0) {
                out.append("EXCLUDE TIES ");
            }
            out.setLength(out.length() - 1);
        }
        return out.append(')').toString();
    }

    /** One end of a frame: UNBOUNDED ..., CURRENT ROW or "offset PRECEDING/FOLLOWING", with a trailing space. */
    private String frameBound(int o, Expr offset, List<BoundExpr> order, int unbounded, String unboundedText,
                              int currentRow, int offsetPreceding, int offsetFollowing) {
        if ((o & unbounded) != 0) {
            return unboundedText;
        }
        if ((o & currentRow) != 0) {
            return "CURRENT ROW ";
        }
        if ((o & (offsetPreceding | offsetFollowing)) != 0) {
            return frameOffset(offset, o, order) + ((o & offsetPreceding) != 0 ? " PRECEDING " : " FOLLOWING ");
        }
        return "";
    }

    /** A RANGE offset takes the type in_range compares with (an interval for date/time columns). */
    private String frameOffset(Expr offset, int options, List<BoundExpr> order) {
        BoundExpr e = level.binder.bind(offset);
        if ((options & FrameOptions.RANGE) != 0 && e.type() == TypeOids.UNKNOWN && !order.isEmpty()) {
            long column = order.get(0).type();
            boolean datetime = column == TypeOids.TIMESTAMP || column == TypeOids.TIMESTAMPTZ || column == TypeOids.DATE
                    || column == TypeOids.TIME || column == TypeOids.TIMETZ || column == TypeOids.INTERVAL;
            try {
                e = level.binder.coerce(e, datetime ? TypeOids.INTERVAL : column);
            } catch (RuntimeException keep) {
                // printed as written
            }
        }
        return bound.deparse(e, false, context.prettyParen);
    }

    /** get_rule_orderby over sort items written in the query. */
    String orderBy(List<SortBy> items, boolean columnNumbers) {
        List<String> out = new ArrayList<>();
        for (SortBy by : items) {
            StringBuilder item = new StringBuilder(sortGroupExpr(by.node()));
            String using = by.dir() == SortBy.SortDir.USING ? by.useOp().get(by.useOp().size() - 1) : null;
            boolean descending = by.dir() == SortBy.SortDir.DESC || ">".equals(using);
            if (using != null && (using.equals("<") || using.equals(">"))) {
                using = null;
            }
            if (using != null) {
                item.append(" USING ").append(using).append(by.nulls() == SortBy.SortNulls.FIRST ? " NULLS FIRST"
                        : " NULLS LAST");
            } else if (descending) {
                item.append(" DESC");
                if (by.nulls() == SortBy.SortNulls.LAST) {
                    item.append(" NULLS LAST");
                }
            } else if (by.nulls() == SortBy.SortNulls.FIRST) {
                item.append(" NULLS FIRST");
            }
            out.add(item.toString());
        }
        return String.join(", ", out);
    }

    /**
     * get_rule_sortgroupclause: a column as is, a constant with its type (so it is not read as a position), other
     * expressions in parentheses when pretty (and function-like ones always, not to be read as ROLLUP or CUBE).
     */
    String sortGroupExpr(Expr e) {
        if (e instanceof ColumnRef) {
            return print(e, true);
        }
        if (!special(e)) {
            BoundExpr b = level.binder.bind(e);
            if (b instanceof InputRef) {
                return bound.deparse(b, true, context.prettyParen);
            }
            if (b instanceof Const c) {
                return bound.labelledConstant(c);
            }
            boolean paren = context.prettyParen || b instanceof org.lakepg.server.sql.plan.expr.FuncExpr fx
                    && fx.form() == org.lakepg.server.sql.plan.expr.FuncExpr.Form.CALL;
            String text = bound.deparse(b, true, context.prettyParen);
            return paren ? "(" + text + ")" : text;
        }
        boolean paren = context.prettyParen || e instanceof FuncCall;
        String text = print(e, true);
        return paren ? "(" + text + ")" : text;
    }

    /** Whether the syntax tree holds an aggregate, window call or subquery (printed from the tree, not bound). */
    boolean special(Object node) {
        return switch (node) {
            case null -> false;
            case SubLink s -> true;
            case org.lakepg.server.sql.ast.GroupingFunc g -> true;
            case FuncCall f -> f.over() != null || aggregate(f) || special(f.args());
            case List<?> list -> list.stream().anyMatch(this::special);
            case Record r -> {
                for (var component : r.getClass().getRecordComponents()) {
                    try {
                        Object value = component.getAccessor().invoke(r);
                        if ((value instanceof Expr || value instanceof List<?> || value instanceof CaseWhen)
                                && special(value)) {
                            yield true;
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                yield false;
            }
            default -> false;
        };
    }
}
