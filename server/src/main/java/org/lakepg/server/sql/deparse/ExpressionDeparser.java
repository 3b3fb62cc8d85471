package org.lakepg.server.sql.deparse;

import java.util.List;
import java.util.stream.Collectors;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.plan.expr.ArrayCoerceExpr;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.MinMaxExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr;
import org.lakepg.server.exec.expr.TypeIO;

/**
 * A bound expression over one table's row as PostgreSQL's ruleutils prints it without pretty-printing
 * (pg_get_expr, pg_get_indexdef): every operator and boolean combination in parentheses, casts as
 * {@code (x)::type}, implicit casts shown inside function and operator arguments, constants labelled with their
 * type unless they read back as that type unlabelled. Columns print by name ({@code columns} by row position).
 */
public final class ExpressionDeparser {
    private final List<String> columns;
    private final TypeCatalog types;
    private final TypeIO io;
    private final FunctionContext context;
    private boolean pretty;
    private String qualifier;
    private boolean callOids;

    public ExpressionDeparser(List<String> columns, TypeCatalog types, TypeIO io, FunctionContext context) {
        this.columns = columns;
        this.types = types;
        this.io = io;
        this.context = context;
    }

    private java.util.function.Function<InputRef, String> columnNames;
    private Layout layout;

    /** Line breaks of the indenting layout (appendContextKeyword) for expressions that take them, like CASE. */
    public interface Layout {
        /** The text on a new line at the current indentation, adjusted before and after as ruleutils does. */
        String keyword(String text, int indentBefore, int indentAfter, int indentPlus);
    }

    /** With a layout, CASE prints its WHEN, ELSE and END on lines of their own. */
    public ExpressionDeparser layout(Layout lines) {
        this.layout = lines;
        return this;
    }

    /**
     * Calls of user functions keep their hidden function-OID argument, so texts compared for equality (an index key
     * against a query's expression) tell functions of one name in different schemas apart.
     */
    public ExpressionDeparser callOids() {
        this.callOids = true;
        return this;
    }

    private java.util.function.Function<FuncExpr, String> functionNames;

    /** Called functions print as this function says (the query deparser's schema-qualified user functions). */
    public ExpressionDeparser functionNames(java.util.function.Function<FuncExpr, String> names) {
        this.functionNames = names;
        return this;
    }

    /** Columns print as this function says (the query deparser's {@code refname.column}). */
    public ExpressionDeparser columnNames(java.util.function.Function<InputRef, String> names) {
        this.columnNames = names;
        return this;
    }

    /** get_rule_expr with its showimplicit flag, in the pretty (parentheses as needed) or plain form. */
    public String deparse(BoundExpr e, boolean showImplicit, boolean prettyForm) {
        boolean outer = pretty;
        pretty = prettyForm;
        try {
            return expr(e, showImplicit);
        } finally {
            pretty = outer;
        }
    }

    /** A constant always labelled with its type (a GROUP BY constant that must not read as a position). */
    public String labelledConstant(Const c) {
        String text = constant(c);
        return text.contains("::") ? text : text + "::" + TypeNames.format(types, c.type(), c.typmod());
    }

    /** Columns print as {@code qualifier.column} (a view's query names its table's columns so). */
    public ExpressionDeparser qualified(String tableName) {
        this.qualifier = tableName;
        return this;
    }

    public String deparse(BoundExpr e) {
        pretty = false;
        return expr(e, false);
    }

    /** The pretty form (pg_get_expr(.., true), psql's \d): parentheses only where precedence needs them. */
    public String deparsePretty(BoundExpr e) {
        if (!prettyAlways && plainAlways) {
            return deparse(e);
        }
        pretty = true;
        try {
            return expr(e, false);
        } finally {
            pretty = false;
        }
    }

    private boolean prettyAlways = true;
    private boolean plainAlways;

    /** With {@code false}, {@link #deparsePretty} prints the plain form too (a caller that prints either way). */
    public ExpressionDeparser prettyAlways(boolean prettyForm) {
        this.prettyAlways = prettyForm;
        this.plainAlways = !prettyForm;
        return this;
    }

    private String open() {
        return pretty ? "" : "(";
    }

    private String close() {
        return pretty ? "" : ")";
    }

    /** A sub-expression, parenthesised in pretty mode unless PostgreSQL's isSimpleNode says it needs none. */
    private String paren(BoundExpr node, BoundExpr parent, boolean showImplicit) {
        String text = expr(node, showImplicit);
        return pretty && !simple(node, parent) ? "(" + text + ")" : text;
    }

    private static boolean simple(BoundExpr node, BoundExpr parent) {
        return switch (node) {
            case InputRef in -> true;
            case Const c -> true;
            case CoalesceExpr c -> true;
            case MinMaxExpr m -> true;
            case ArrayExpr a -> true;
            case FuncExpr f when f.form() != FuncExpr.Form.OPERATOR -> true;
            case RelabelType r -> simple(r.argument(), node);
            case CoerceViaIO c -> simple(c.argument(), node);
            case FuncExpr f -> simpleOperator(f, parent);
            case NullTest n -> simpleUnder(parent);
            case ScalarArrayOpExpr a -> false; // isSimpleNode does not list it: parenthesised under any parent
            case BoolExpr b -> parent instanceof BoolExpr p ? switch (b.kind()) {
                case NOT, AND -> p.kind() == BoolExpr.Kind.AND || p.kind() == BoolExpr.Kind.OR;
                case OR -> p.kind() == BoolExpr.Kind.OR;
            } : functionLikeParent(parent);
            default -> false;
        };
    }

    private static boolean simpleOperator(FuncExpr op, BoundExpr parent) {
        if (parent instanceof FuncExpr p && p.form() == FuncExpr.Form.OPERATOR) {
            if (op.arguments().size() != 2 || p.arguments().size() != 2) {
                return false;
            }
            boolean low = "+-".indexOf(op.name().charAt(0)) >= 0;
            boolean high = "*/%".indexOf(op.name().charAt(0)) >= 0;
            boolean parentLow = "+-".indexOf(p.name().charAt(0)) >= 0;
            boolean parentHigh = "*/%".indexOf(p.name().charAt(0)) >= 0;
            if (!(low || high) || !(parentLow || parentHigh)) {
                return false;
            }
            if (high && parentLow) {
                return true;
            }
            if (low && parentHigh) {
                return false;
            }
            return p.arguments().get(0) == op;
        }
        return simpleUnder(parent);
    }

    private static boolean simpleUnder(BoundExpr parent) {
        return parent instanceof BoolExpr || functionLikeParent(parent);
    }

    private static boolean functionLikeParent(BoundExpr parent) {
        return parent instanceof FuncExpr f && f.form() == FuncExpr.Form.CALL || parent instanceof ArrayExpr
                || parent instanceof CoalesceExpr || parent instanceof MinMaxExpr || parent instanceof CaseExpr;
    }

    /** PostgreSQL's looks_like_function: what pg_get_indexdef prints without extra parentheses. */
    public static boolean looksLikeFunction(BoundExpr e) {
        return e instanceof FuncExpr f && f.form() == FuncExpr.Form.CALL || e instanceof CoalesceExpr
                || e instanceof MinMaxExpr;
    }

    private String expr(BoundExpr e, boolean showImplicit) {
        return switch (e) {
            case InputRef in when columnNames != null -> columnNames.apply(in);
            case InputRef in -> (qualifier == null ? "" : Identifiers.quoteIfNeeded(qualifier) + ".")
                    + (in.index() < columns.size() ? Identifiers.quoteIfNeeded(columns.get(in.index()))
                    : Identifiers.quoteIfNeeded(in.name()));
            case Const c -> constant(c);
            case FuncExpr f -> function(f, showImplicit);
            case RelabelType r -> showImplicit ? cast(r.argument(), r.type(), r.typmod(), e) : expr(r.argument(), false);
            case CoerceViaIO c -> cast(c.argument(), c.type(), c.typmod(), e);
            case ArrayCoerceExpr a -> cast(a.argument(), a.type(), a.typmod(), e);
            case BoolExpr b -> switch (b.kind()) {
                case NOT -> open() + "NOT " + paren(b.arguments().get(0), b, false) + close();
                case AND -> open() + joinParen(b, " AND ") + close();
                case OR -> open() + joinParen(b, " OR ") + close();
            };
            case NullTest n -> open() + paren(n.argument(), n, true) + (n.negated() ? " IS NOT NULL" : " IS NULL") + close();
            case ScalarArrayOpExpr s -> open() + paren(s.left(), s, true) + " " + s.operator() + (s.any() ? " ANY (" : " ALL (")
                    + expr(s.array(), true) + ")" + close();
            case CoalesceExpr c -> "COALESCE(" + join(c.arguments(), ", ") + ")";
            case MinMaxExpr m -> m.op().name() + "(" + join(m.arguments(), ", ") + ")";
            case ArrayExpr a -> "ARRAY[" + join(a.elements(), ", ") + "]";
            case CaseExpr c -> caseExpr(c);
            default -> throw new IllegalArgumentException("cannot deparse " + e.getClass().getSimpleName());
        };
    }

    private String joinParen(BoolExpr b, String separator) {
        return b.arguments().stream().map(a -> paren(a, b, false)).collect(Collectors.joining(separator));
    }

    private String join(List<BoundExpr> args, String separator) {
        return args.stream().map(a -> expr(a, false)).collect(Collectors.joining(separator));
    }

    private String caseExpr(CaseExpr c) {
        StringBuilder out = new StringBuilder(keyword("CASE", 0, 4, 0));
        var simple = c.simpleValues(); // CASE subject WHEN value, as written
        simple.ifPresent(values -> out.append(' ').append(paren(c.subject(), c, false)));
        for (int i = 0; i < c.whens().size(); i++) {
            CaseExpr.When w = c.whens().get(i);
            out.append(layout == null ? " " : "").append(keyword("WHEN ", 0, 0, 0))
                    .append(simple.isPresent() ? expr(simple.get().get(i), false) : expr(w.condition(), false))
                    .append(" THEN ").append(expr(w.result(), true));
        }
        out.append(layout == null ? " " : "").append(keyword("ELSE ", 0, 0, 0));
        out.append(c.otherwise() != null ? expr(c.otherwise(), true) : "NULL::" + TypeNames.format(types, c.type(),
                c.typmod()));
        return out.append(layout == null ? " " : "").append(keyword("END", -4, 0, 0)).toString();
    }

    private String keyword(String text, int before, int after, int plus) {
        return layout == null ? text : layout.keyword(text, before, after, plus);
    }

    private String function(FuncExpr f, boolean showImplicit) {
        if (org.lakepg.server.sql.plan.expr.SqlValueFunctions.isValueFunction(f)) {
            return f.name(); // CURRENT_USER, LOCALTIMESTAMP(2): ruleutils.c prints the keyword
        }
        List<BoundExpr> args = f.arguments();
        return switch (f.form()) {
            case OPERATOR -> args.size() == 1 ? open() + f.name() + " " + paren(args.get(0), f, true) + close()
                    : open() + paren(args.get(0), f, true) + " " + f.name() + " " + paren(args.get(1), f, true) + close();
            case CAST -> cast(args.get(0), f.type(), f.typmod(), f);
            case CALL -> (functionNames == null ? Identifiers.quoteIfNeeded(f.name()) : functionNames.apply(f))
                    + "(" + (callOids ? args
                    : org.lakepg.server.sql.analyzer.SqlFunctionCallArguments.of(f)).stream().map(a -> expr(a, true))
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    /** get_coercion_expr: (x)::type, or x::type in pretty mode when x is simple. */
    private String cast(BoundExpr argument, long type, int typmod, BoundExpr node) {
        // a constant cast to its own type prints as the labelled constant
        if (argument instanceof Const c && c.type() == TypeOids.UNKNOWN) {
            return labelled(quote(c), type, typmod);
        }
        // a typed literal's length coercion ('abc'::varchar(3)) folds into the constant, as PostgreSQL's parser does
        if (argument instanceof Const c && !c.isNull() && c.type() == type && c.typmod() != typmod) {
            return constant(new Const(c.type(), typmod, c.value()));
        }
        String inner = pretty ? paren(argument, node, false) : "(" + expr(argument, false) + ")";
        return inner + "::" + TypeNames.format(types, type, typmod);
    }

    private String constant(Const c) {
        if (c.isNull()) {
            return "NULL::" + TypeNames.format(types, c.type(), c.typmod());
        }
        String text = io.output(c.type(), c.value(), context);
        long type = c.type();
        if (type == TypeOids.INT4) {
            return text.startsWith("-") ? "'" + text + "'::integer" : text;
        }
        if (type == TypeOids.NUMERIC) {
            boolean bare = !text.isEmpty() && Character.isDigit(text.charAt(0)) && text.chars().anyMatch(ch -> ch == '.'
                    || ch == 'e' || ch == 'E');
            return bare ? text : labelled(quote(text), type, c.typmod());
        }
        if (type == TypeOids.BOOL) {
            return "t".equals(text) ? "true" : "false";
        }
        if (type == TypeOids.UNKNOWN) {
            return quote(text);
        }
        return labelled(quote(text), type, c.typmod());
    }

    private String quote(Const c) {
        return quote(io.output(c.type(), c.value(), context));
    }

    private static String quote(String text) {
        boolean backslash = text.indexOf('\\') >= 0;
        return (backslash ? "E'" : "'") + text.replace("'", "''").replace("\\", "\\\\") + "'";
    }

    private String labelled(String literal, long type, int typmod) {
        return literal + "::" + TypeNames.format(types, type, typmod);
    }
}
