package org.lakepg.server.exec.explain;

import java.util.List;
import java.util.function.IntFunction;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.plan.expr.AggRef;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.server.sql.plan.expr.WindowRef;

/**
 * Prints analyzed expressions as EXPLAIN shows them (PostgreSQL's ruleutils.c): operators in
 * parentheses, constants with their type where it is not implied, columns qualified only when the
 * plan reads more than one relation.
 */
final class ExprDeparser {
    private final TypeCatalog types;
    private final TypeIO io;
    private final FunctionContext context;
    private final boolean qualify;
    /** How subqueries are named ("SubPlan 1", "$0"). */
    private final java.util.function.Function<SubqueryExpr, String> subplans;

    /** What a nested loop's parameter holds, by id (null when no nested loop sets it). */
    private final IntFunction<String> paramReferents;

    ExprDeparser(TypeCatalog types, TypeIO io, FunctionContext context, boolean qualify,
                 java.util.function.Function<SubqueryExpr, String> subplans) {
        this(types, io, context, qualify, subplans, id -> null);
    }

    ExprDeparser(TypeCatalog types, TypeIO io, FunctionContext context, boolean qualify,
                 java.util.function.Function<SubqueryExpr, String> subplans, IntFunction<String> paramReferents) {
        this(types, io, context, qualify, subplans, paramReferents, null);
    }

    /**
     * @param multiAssignedFields how a column of {@code SET (a, b) = (SELECT ...)} that reads field n of the
     *     sub-SELECT is shown (the parameter its MULTIEXPR SubPlan sets); null: as the field selection it is
     */
    ExprDeparser(TypeCatalog types, TypeIO io, FunctionContext context, boolean qualify,
                 java.util.function.Function<SubqueryExpr, String> subplans, IntFunction<String> paramReferents,
                 java.util.function.BiFunction<SubqueryExpr, Integer, String> multiAssignedFields) {
        this.types = types;
        this.io = io;
        this.context = context;
        this.qualify = qualify;
        this.subplans = subplans;
        this.paramReferents = paramReferents;
        this.multiAssignedFields = multiAssignedFields;
    }

    private final java.util.function.BiFunction<SubqueryExpr, Integer, String> multiAssignedFields;

    /**
     * An outer value, always qualified: a nested loop's parameter as the expression it holds (ruleutils.c's
     * find_param_referent: {@code a.id} of a pulled-up {@code q.id}), else the name the query gave it.
     */
    private String outerParam(OuterParam p) {
        String referent = paramReferents.apply(p.id());
        return referent != null ? referent : p.name() != null ? p.name() : "$" + p.id();
    }

    /** @param columns the names of the input row's columns, by index */
    String deparse(BoundExpr e, IntFunction<String> columns) {
        return switch (e) {
            case InputRef in -> column(in, columns);
            case Const c -> constant(c);
            case ParamRef p -> "$" + p.number();
            case OuterParam p -> outerParam(p);
            case FuncExpr f -> function(f, columns);
            case BoolExpr b -> switch (b.kind()) {
                case NOT -> "(NOT " + deparse(b.arguments().get(0), columns) + ")";
                case AND, OR -> "(" + String.join(" " + b.kind().name() + " ",
                        b.arguments().stream().map(a -> deparse(a, columns)).toList()) + ")";
            };
            case NullTest t -> "(" + deparse(t.argument(), columns) + (t.negated() ? " IS NOT NULL)" : " IS NULL)");
            case CaseExpr c -> {
                StringBuilder out = new StringBuilder("CASE");
                var simple = c.simpleValues(); // CASE subject WHEN value, as written
                simple.ifPresent(values -> out.append(' ').append(deparse(c.subject(), columns)));
                for (int i = 0; i < c.whens().size(); i++) {
                    CaseExpr.When w = c.whens().get(i);
                    out.append(" WHEN ").append(deparse(simple.isPresent() ? simple.get().get(i) : w.condition(), columns))
                            .append(" THEN ").append(deparse(w.result(), columns));
                }
                yield out.append(" ELSE ").append(deparse(c.otherwise(), columns)).append(" END").toString();
            }
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> m.op().name() + "(" + String.join(", ", m.arguments().stream()
                    .map(a -> deparse(a, columns)).toList()) + ")";
            case CoalesceExpr c -> "COALESCE(" + String.join(", ", c.arguments().stream()
                    .map(a -> deparse(a, columns)).toList()) + ")";
            case CoerceViaIO c when c.argument() instanceof Const k && k.type() == TypeOids.UNKNOWN -> typedLiteral(k, c.type(), c.typmod());
            case CoerceViaIO c -> "(" + deparse(c.argument(), columns) + ")::" + TypeNames.format(types, c.type(), c.typmod());
            case RelabelType r -> deparse(r.argument(), columns);
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> "(" + deparse(a.argument(), columns) + ")::"
                    + TypeNames.format(types, a.type(), a.typmod());
            case ArrayExpr a when !a.elements().isEmpty() && a.elements().stream().allMatch(x -> x instanceof Const c
                    && c.type() != TypeOids.UNKNOWN
                    && types.type(c.type()).map(t -> t.category() != 'A').orElse(false)) -> constantArray(a);
            case ArrayExpr a when !a.elements().isEmpty() && a.elements().stream().allMatch(this::constantRecord) ->
                    "'" + arrayText(a.elements().stream().map(x -> recordText((FuncExpr) x)).toList()).replace("'", "''")
                            + "'::" + TypeNames.format(types, a.type(), -1); // an array of folded records
            case ArrayExpr a -> "ARRAY[" + String.join(", ", a.elements().stream().map(x -> deparse(x, columns)).toList())
                    + "]";
            case SubqueryExpr q -> subquery(q, columns);
            case AggRef a -> "agg" + a.index();
            case WindowRef w -> "window" + w.index();
            case org.lakepg.server.sql.plan.expr.SubscriptAssignExpr x -> deparse(new org.lakepg.server.sql.plan.expr.SubscriptExpr(
                    x.container(), x.lower(), x.upper(), x.slice(), x.type()), columns) + " := " + deparse(x.value(), columns);
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x -> "(" + argument(x.left(), columns) + " " + x.operator()
                    + (x.any() ? " ANY (" : " ALL (") + deparse(x.array(), columns) + "))";
            case org.lakepg.server.sql.plan.expr.SubscriptExpr x -> {
                StringBuilder out = new StringBuilder("(" + deparse(x.array(), columns) + ")");
                for (int i = 0; i < x.upper().size(); i++) {
                    out.append('[');
                    if (x.slice()) {
                        out.append(x.lower().get(i) == null ? "" : deparse(x.lower().get(i), columns)).append(':');
                    }
                    out.append(x.upper().get(i) == null ? "" : deparse(x.upper().get(i), columns)).append(']');
                }
                yield out.toString();
            }
        };
    }

    /** A function's or operator's argument: an implicit relabeling shows as a cast there (get_rule_expr's showimplicit). */
    private String argument(BoundExpr a, IntFunction<String> columns) {
        if (a instanceof RelabelType r && r.argument().type() != r.type()) {
            return "(" + deparse(r.argument(), columns) + ")::" + TypeNames.format(types, r.type(), r.typmod());
        }
        return deparse(a, columns);
    }

    String unqualified(String name) {
        if (qualify || name == null) {
            return name;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private String column(InputRef in, IntFunction<String> columns) {
        String name = columns.apply(in.index());
        if (name == null) {
            name = in.name();
        }
        return name == null ? "?column?" : unqualified(name);
    }

    /** Told each subplan parameter whose outer value the node shows as a reference in parentheses (null: none). */
    private java.util.function.BiConsumer<Integer, String> referencedParams;

    /**
     * This deparser telling {@code referencedParams} the subplan parameters that hold a value the outer node shows
     * as a reference (a PlaceHolderVar, {@code (42)}): find_param_referent shows the parameter as that reference.
     */
    ExprDeparser referencedParams(java.util.function.BiConsumer<Integer, String> referencedParams) {
        this.referencedParams = referencedParams;
        return this;
    }

    private String subquery(SubqueryExpr q, IntFunction<String> columns) {
        if (referencedParams != null) {
            for (var c : q.correlations()) {
                String name = c.value() instanceof InputRef in ? columns.apply(in.index()) : null;
                if (name != null && name.startsWith("(")) {
                    referencedParams.accept(c.id(), name);
                }
            }
        }
        String plan = subplans.apply(q);
        return switch (q.kind()) {
            case EXISTS, SCALAR, ARRAY -> q.correlated() ? "(" + plan + ")" : plan;
            // PostgreSQL 15 shows a subplan testing a value only by its name (ruleutils.c's T_SubPlan)
            case ANY, ALL -> "(" + plan + ")";
        };
    }

    private String function(FuncExpr f, IntFunction<String> columns) {
        if (org.lakepg.server.sql.plan.expr.SqlValueFunctions.isValueFunction(f)) {
            return f.name(); // CURRENT_USER, LOCALTIMESTAMP(2): ruleutils.c prints the keyword
        }
        SubqueryExpr assigned = multiAssignedFields == null ? null : MultiAssignedSubplans.source(f);
        if (assigned != null) {
            return multiAssignedFields.apply(assigned, MultiAssignedSubplans.field(f));
        }
        List<String> args = callArguments(f).stream().map(a -> argument(a, columns)).toList();
        if (f.form() == FuncExpr.Form.OPERATOR) {
            return args.size() == 1 ? "(" + f.name() + " " + args.get(0) + ")"
                    : "(" + args.get(0) + " " + f.name() + " " + args.get(1) + ")";
        }
        if (constantRecord(f)) {
            // ROW(constants) is a constant record by the time PostgreSQL plans it
            return "'" + recordText(f).replace("'", "''") + "'::"
                    + (f.type() == TypeOids.RECORD ? "record" : TypeNames.format(types, f.type(), -1));
        }
        if (f.name().equals("lakepg_row")) {
            // a row constructor
            return "ROW(" + String.join(", ", args) + ")";
        }
        if (f.name().equals(org.lakepg.server.function.scalar.RowFunctions.FIELD) && f.arguments().size() == 3
                && f.arguments().get(2) instanceof Const field && field.value() instanceof String name) {
            // a field selection that carries the field's name (a breadth-first SEARCH's depth)
            return "(" + args.get(0) + ")." + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(name);
        }
        if (f.form() == FuncExpr.Form.CAST && args.size() >= 1) {
            return "(" + args.get(0) + ")::" + TypeNames.format(types, f.type(), f.typmod());
        }
        return f.name() + "(" + String.join(", ", args) + ")";
    }

    private static List<BoundExpr> callArguments(FuncExpr f) {
        return org.lakepg.server.sql.analyzer.SqlFunctionCallArguments.of(f);
    }

    /**
     * A ROW(...) of typed constants, anonymous or of a composite type (eval_const_expressions folds a RowExpr of
     * constants into one constant).
     */
    boolean constantRecord(BoundExpr e) {
        return e instanceof FuncExpr f && f.name().equals("lakepg_row")
                && (f.type() == TypeOids.RECORD || types.type(f.type()).map(t -> t.kind() == 'c').orElse(false))
                && !f.arguments().isEmpty() && f.arguments().stream().allMatch(x -> x instanceof Const c
                && c.type() != TypeOids.UNKNOWN && types.type(c.type()).map(t -> t.category() != 'A').orElse(false));
    }

    /** record_out's text: fields quoted when empty or holding quotes, backslashes, parentheses, commas or blanks. */
    private String recordText(FuncExpr row) {
        List<String> fields = new java.util.ArrayList<>();
        for (BoundExpr e : row.arguments()) {
            Const c = (Const) e;
            if (c.value() == null) {
                fields.add("");
                continue;
            }
            String text = io.output(c.type(), c.value(), context);
            boolean quote = text.isEmpty() || text.chars().anyMatch(ch -> ch == '"' || ch == '\\' || ch == '('
                    || ch == ')' || ch == ',' || Character.isWhitespace(ch));
            fields.add(quote ? "\"" + text.replace("\\", "\\\\").replace("\"", "\"\"") + "\"" : text);
        }
        return "(" + String.join(",", fields) + ")";
    }

    /** array_out's text of elements already in their output form. */
    private static String arrayText(List<String> elements) {
        StringBuilder text = new StringBuilder("{");
        for (String element : elements) {
            if (element == null) { // a null element
                text.append(text.length() > 1 ? ",NULL" : "NULL");
                continue;
            }
            boolean quote = element.isEmpty() || element.equalsIgnoreCase("NULL")
                    || element.chars().anyMatch(ch -> ch == '{' || ch == '}' || ch == ',' || ch == '"' || ch == '\\'
                    || Character.isWhitespace(ch));
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(quote ? "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : element);
        }
        return text.append('}').toString();
    }

    /** ARRAY[...] of constants is a constant array by the time PostgreSQL plans it ('{1,2}'::integer[]). */
    private String constantArray(ArrayExpr a) {
        List<String> elements = a.elements().stream().map(e -> ((Const) e).value() == null ? null
                : io.output(e.type(), ((Const) e).value(), context)).toList();
        return "'" + arrayText(elements).replace("'", "''") + "'::" + TypeNames.format(types, a.type(), -1);
    }

    /** An untyped literal the analyzer casts is a constant of the type by the time PostgreSQL plans it. */
    private String typedLiteral(Const literal, long type, int typmod) {
        if (literal.value() == null) {
            return "NULL::" + TypeNames.format(types, type, typmod);
        }
        String text = String.valueOf(literal.value());
        if (type == TypeOids.INT4 && text.matches("[0-9]+")) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'::" + TypeNames.format(types, type, typmod);
    }

    String constant(Const c) {
        if (c.value() == null) {
            return "NULL::" + TypeNames.format(types, c.type(), c.typmod());
        }
        String text = io.output(c.type(), c.value(), context);
        long t = c.type();
        if (t == TypeOids.INT4 && !text.startsWith("-")) {
            return text;
        }
        if (t == TypeOids.NUMERIC && !text.startsWith("-") && text.matches("[0-9]+\\.[0-9]+")) {
            return text;
        }
        if (t == TypeOids.BOOL) {
            return (Boolean) c.value() ? "true" : "false";
        }
        String quoted = "'" + text.replace("'", "''") + "'";
        if (t == TypeOids.UNKNOWN) {
            return quoted;
        }
        return quoted + "::" + TypeNames.format(types, t, c.typmod());
    }
}
