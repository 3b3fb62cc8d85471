package org.lakepg.server.sql.analyzer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.BooleanTest;
import org.lakepg.server.sql.ast.CaseWhen;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ExprList;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.SQLValueFunction;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/**
 * Turns parsed expressions into typed, resolved ones (PostgreSQL's transformExpr): literals get
 * their types, names resolve through the scope, operators and functions through the catalog by
 * PostgreSQL's overload rules, and implicit coercions become explicit nodes.
 */
public final class ExpressionAnalyzer {
    private final AnalyzerCatalog catalog;
    private final Coercer coercer;
    private final TypeCoercion rules;
    private final FunctionResolver functions;
    private final OperatorResolver operators;
    private final ParameterTypes parameters;
    private final Consumer<PgException> notices;
    /** While inlining a SQL function: its arguments, which its body's $n refer to. */
    private List<BoundExpr> inlineArguments;
    /** The code that runs a user SQL function per call (its OID first, then its arguments). */
    public static final String SQL_FUNCTION_CALL = "lakepg_sql_function_call";
    /** An aggregate support function in SQL or PL/pgSQL with polymorphic parameters: called with the actual types. */
    public static final String POLYMORPHIC_SQL_FUNCTION_CALL = "lakepg polymorphic sql function call";

    /** While analyzing a SQL function's body: its parameters by name, tried after the columns (as PostgreSQL). */
    private Scope functionParameters;
    /** Where aggregate calls go; null where they are not allowed ({@link #aggregatesForbiddenIn} says where). */
    private AggregateCollector aggregates;
    private String aggregatesForbiddenIn = "this context";
    /** Marks FILTER of an aggregate moved to an enclosing query: an aggregate there is nested in it. */
    private static final String NESTED_AGGREGATE = "nested aggregate";
    /** The aggregate call being analyzed again at an enclosing query's level ({@link #analyzeAtLevel}). */
    private Expr movedAggregate;
    /** Where window function calls go; null where they are not allowed. */
    private WindowCollector windows;
    /** Where window calls are an error while {@link #windows} is null (e.g. "window definitions"), else null. */
    private String windowsForbiddenIn;
    /** The query levels around the subquery being analyzed, innermost first (for outer-level aggregates). */
    private final java.util.ArrayDeque<OuterAggregates.Level> outerLevels = new java.util.ArrayDeque<>();
    private final TypeIO io;
    private final FunctionContext context;
    /** The statement's next executor parameter id (for correlated subqueries and LATERAL items). */
    private int nextParamId;
    /** The FROM items analyzed so far in the statement, at every query level (PostgreSQL's range table entries). */
    private int rangeTableEntries;
    private final CteScope ctes = new CteScope();
    private int subqueryDepth;

    public ExpressionAnalyzer(AnalyzerCatalog catalog, TypeIO io, FunctionContext context, ParameterTypes parameters,
                              Consumer<PgException> notices) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.coercer = new Coercer(catalog, io, context, parameters);
        coercer.setDomainWrapper(new DomainCoercion(this, catalog));
        this.rules = coercer.rules();
        this.functions = new FunctionResolver(rules);
        this.operators = new OperatorResolver(rules);
        this.notices = notices;
        this.io = io;
        this.context = context;
    }

    /** Analyzes with aggregates collected (target lists, HAVING, ORDER BY of a grouped query). */
    BoundExpr analyzeWithAggregates(Expr expr, Scope scope, AggregateCollector collector) {
        AggregateCollector outer = aggregates;
        aggregates = collector;
        try {
            return analyze(expr, scope);
        } finally {
            aggregates = outer;
        }
    }

    /** Analyzes where aggregates are an error, e.g. "aggregate functions are not allowed in WHERE". */
    BoundExpr analyzeWithoutAggregates(Expr expr, Scope scope, String construct) {
        AggregateCollector outer = aggregates;
        String outerName = aggregatesForbiddenIn;
        aggregates = null;
        aggregatesForbiddenIn = construct;
        try {
            return analyze(expr, scope);
        } finally {
            aggregates = outer;
            aggregatesForbiddenIn = outerName;
        }
    }

    public Coercer coercer() {
        return coercer;
    }

    /** Analyzes where window calls are an error but aggregates are not: a window's PARTITION BY and ORDER BY. */
    BoundExpr analyzeWithoutWindows(Expr expr, Scope scope, String construct) {
        WindowCollector outerWindows = windows;
        String outerName = windowsForbiddenIn;
        windows = null;
        windowsForbiddenIn = construct;
        try {
            return analyze(expr, scope);
        } finally {
            windows = outerWindows;
            windowsForbiddenIn = outerName;
        }
    }

    /** Sets where window calls go (null: not allowed), returning the previous collector. */
    WindowCollector windows(WindowCollector collector) {
        WindowCollector previous = windows;
        windows = collector;
        return previous;
    }

    /** The levels around the query being analyzed, innermost first; {@link OuterAggregates} moves calls up them. */
    java.util.ArrayDeque<OuterAggregates.Level> outerLevels() {
        return outerLevels;
    }

    /** Analyzes {@code expr} as the query level {@code level} would, with that level's aggregate rules. */
    BoundExpr analyzeAtLevel(Expr expr, OuterAggregates.Level level) {
        AggregateCollector inner = aggregates;
        String innerName = aggregatesForbiddenIn;
        aggregates = level.aggregates();
        aggregatesForbiddenIn = level.forbiddenIn();
        movedAggregate = expr;
        try {
            return analyze(expr, level.scope());
        } finally {
            aggregates = inner;
            aggregatesForbiddenIn = innerName;
        }
    }

    /** How many expression subqueries enclose the query being analyzed. */
    int subqueryDepth() {
        return subqueryDepth;
    }

    /** The WITH items visible to the query being analyzed. */
    CteScope ctes() {
        return ctes;
    }

    /** A fresh id for an executor parameter of this statement ({@link org.lakepg.server.sql.plan.expr.OuterParam}). */
    /** Counts a FROM item of any query level of the statement. */
    void rangeTableEntry() {
        rangeTableEntries++;
    }

    /** The FROM items of every query level of the statement analyzed so far. */
    int rangeTableEntries() {
        return rangeTableEntries;
    }

    int nextParamId() {
        return nextParamId++;
    }

    public BoundExpr analyze(Expr expr, Scope scope) {
        return switch (expr) {
            case AConst c -> constant(c);
            case org.lakepg.server.sql.ast.ParamRef p -> inlineArguments != null ? inlineArgument(p)
                    : new ParamRef(p.number(), parameters.typeOf(p.number()), -1);
            case ColumnRef c -> column(c, scope);
            case TypeCast c -> cast(c, scope);
            case AExpr a -> operatorExpression(a, scope);
            case org.lakepg.server.sql.ast.BoolExpr b -> {
                List<BoundExpr> args = new ArrayList<>();
                String what = b.op().name();
                for (Expr arg : b.args()) {
                    args.add(requireBoolean(analyze(arg, scope), what, location(arg)));
                }
                yield new BoolExpr(BoolExpr.Kind.valueOf(b.op().name()), args);
            }
            case org.lakepg.server.sql.ast.NullTest t -> {
                BoundExpr arg = analyze(t.arg(), scope);
                yield RowExpressions.isConstructor(arg) ? RowExpressions.nullTest((FuncExpr) arg, !t.isNull())
                        : new NullTest(arg, !t.isNull());
            }
            case org.lakepg.server.sql.ast.RowExpr r -> RowExpressions.analyze(r, scope, this);
            case BooleanTest t -> booleanTest(t, scope);
            case org.lakepg.server.sql.ast.CaseExpr c -> caseExpression(c, scope);
            case org.lakepg.server.sql.ast.CoalesceExpr c -> {
                List<BoundExpr> args = new ArrayList<>();
                for (Expr arg : c.args()) {
                    args.add(analyze(arg, scope));
                }
                long type = commonType(args, "COALESCE");
                yield new CoalesceExpr(coerceAll(args, type, c.args()), type, -1);
            }
            case org.lakepg.server.sql.ast.MinMaxExpr m -> minMax(m, scope);
            case FuncCall f -> functionCall(f, scope);
            case org.lakepg.server.sql.ast.GroupingFunc g -> groupingFunction(g, scope);
            case org.lakepg.server.sql.ast.AArrayExpr a -> arrayConstructor(a, scope);
            case org.lakepg.server.sql.ast.SubLink l -> subquery(l, scope);
            case SQLValueFunction f -> valueFunction(f);
            case org.lakepg.server.sql.ast.AIndirection i -> new Subscripting(this, catalog).analyze(i, scope);
            case org.lakepg.server.sql.ast.CollateClause c -> CollateClauses.analyze(c, analyze(c.arg(), scope), coercer,
                    catalog);
            default -> throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "%s is not supported yet", describe(expr)), location(expr));
        };
    }

    private static String describe(Expr expr) {
        return switch (expr) {
            case org.lakepg.server.sql.ast.RowExpr r -> "ROW constructor";
            case org.lakepg.server.sql.ast.AIndirection i -> "subscripting";
            default -> expr.getClass().getSimpleName();
        };
    }

    /** The 0-based source offset of an expression, -1 when it has none. */
    public static int location(Expr expr) {
        return switch (expr) {
            case AConst c -> c.location();
            case ColumnRef c -> c.location();
            case org.lakepg.server.sql.ast.ParamRef p -> p.location();
            case AExpr a -> a.location();
            case org.lakepg.server.sql.ast.BoolExpr b -> b.location();
            case FuncCall f -> f.location();
            case TypeCast t -> t.location();
            case org.lakepg.server.sql.ast.NullTest t -> t.location();
            case BooleanTest t -> t.location();
            case org.lakepg.server.sql.ast.CaseExpr c -> c.location();
            case org.lakepg.server.sql.ast.CoalesceExpr c -> c.location();
            case org.lakepg.server.sql.ast.MinMaxExpr m -> m.location();
            case SQLValueFunction f -> f.location();
            case ExprList l -> l.location();
            case org.lakepg.server.sql.ast.SetToDefault d -> d.location();
            default -> -1;
        };
    }

    /**
     * The offset PostgreSQL's exprLocation gives a raw expression: an operator or a cast starts at its leftmost
     * operand ({@code b+1} at {@code b}, {@code f1::text} at {@code f1}), not at the operator.
     */
    public static int leftmostLocation(Expr expr) {
        return switch (expr) {
            case AExpr a when a.left() != null -> leftmost(a.location(), leftmostLocation(a.left()));
            case TypeCast t -> leftmost(t.location(), leftmostLocation(t.arg()));
            default -> location(expr);
        };
    }

    private static int leftmost(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private BoundExpr constant(AConst c) {
        return switch (c.kind()) {
            case INTEGER, NUMERIC -> number(c.value());
            case STRING -> coercer.unknownLiteral(c.value(), c.location());
            case BOOLEAN -> new Const(TypeOids.BOOL, -1, c.value().equals("t") || c.value().equals("true"));
            case NULL -> new Const(TypeOids.UNKNOWN, -1, null);
            case BITSTRING -> bitString(c);
        };
    }

    /** B'...' and X'...': a bit constant, read by bit_in (the lexer keeps the b/x prefix it wants). */
    private BoundExpr bitString(AConst c) {
        try {
            return new Const(TypeOids.BIT, -1, io.input(TypeOids.BIT, -1, c.value(), context));
        } catch (PgException e) {
            throw Coercer.at(e, c.location());
        }
    }

    /** make_const: integers that fit int4 are int4, then int8, else numeric. */
    private BoundExpr number(String text) {
        boolean integral = text.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '-' || ch == '_')
                && !text.startsWith("0x") && !text.startsWith("0o") && !text.startsWith("0b");
        if (integral) {
            String digits = text.replace("_", "");
            try {
                long v = Long.parseLong(digits);
                if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                    return new Const(TypeOids.INT4, -1, (int) v);
                }
                return new Const(TypeOids.INT8, -1, v);
            } catch (NumberFormatException tooBig) {
                // falls through to numeric
            }
        }
        BigDecimal value = new BigDecimal(text.replace("_", ""));
        return new Const(TypeOids.NUMERIC, -1, org.lakepg.wire.types.PgNumeric.of(value));
    }

    private BoundExpr inlineArgument(org.lakepg.server.sql.ast.ParamRef p) {
        if (p.number() < 1 || p.number() > inlineArguments.size()) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_PARAMETER, "there is no parameter $%d", p.number()),
                    p.location());
        }
        return inlineArguments.get(p.number() - 1);
    }

    /**
     * Analyzes the body of a SQL function: {@code $n} and the parameters' names (after columns) stand for
     * {@code arguments}.
     */
    public <T> T inFunctionBody(String functionName, List<String> names, List<BoundExpr> arguments,
                                java.util.function.Supplier<T> body) {
        List<BoundExpr> outerArguments = inlineArguments;
        Scope outerParameters = functionParameters;
        inlineArguments = arguments;
        functionParameters = parameterScope(functionName, names, arguments);
        try {
            return body.get();
        } finally {
            inlineArguments = outerArguments;
            functionParameters = outerParameters;
        }
    }

    /**
     * Makes PL/pgSQL variables visible to everything this analyzer binds: {@code $n} are {@code arguments}, other
     * names the columns in scope do not have are looked up in {@code variables}.
     */
    public void useVariables(List<BoundExpr> arguments, Scope variables) {
        inlineArguments = arguments;
        functionParameters = variables;
    }

    /**
     * {@code name} or {@code function.name} of a parameter, or a field of a composite parameter: {@code name.field},
     * {@code function.name.field} (PostgreSQL's sql_fn_post_column_ref, function-qualified names first).
     */
    private Scope parameterScope(String functionName, List<String> names, List<BoundExpr> arguments) {
        if (names == null) {
            return null;
        }
        return (fields, location) -> {
            java.util.function.Function<String, BoundExpr> parameter = name -> {
                int i = names.indexOf(name);
                return i >= 0 && i < arguments.size() && !name.isEmpty() ? arguments.get(i) : null;
            };
            BoundExpr found = null;
            List<String> rest = List.of();
            if (fields.size() == 1) {
                found = parameter.apply(fields.get(0));
            } else if (fields.size() >= 2 && fields.get(0).equals(functionName)
                    && (found = parameter.apply(fields.get(1))) != null) {
                rest = fields.subList(2, fields.size());
            } else if (fields.size() == 2) {
                found = parameter.apply(fields.get(0));
                rest = fields.subList(1, 2);
            }
            if (found == null || rest.size() > 1 || !rest.isEmpty() && found.type() != TypeOids.RECORD
                    && RecordColumns.compositeColumns(catalog, found.type()) == null) {
                return java.util.Optional.empty(); // a field of a scalar is no parameter: "missing FROM-clause entry"
            }
            return java.util.Optional.of(rest.isEmpty() ? found : RowExpressions.field(found, rest.get(0), location, catalog));
        };
    }

    /** The alias under which a FROM item of the scope reads the table named {@code table}, or null. */
    private String aliasOfTable(Scope scope, String table) {
        if (!(scope instanceof FromScope from)) {
            return null;
        }
        for (FromScope.Entry e : from.entries()) {
            if (e.tableOid() != 0 && e.alias() != null && !e.alias().equals(table)
                    && catalog.userType(e.rowType()).filter(t -> t.name().equals(table)).isPresent()) {
                return e.alias();
            }
        }
        return null;
    }

    /** Where each bound column reference was written (by identity): later checks point their errors there. */
    private final java.util.IdentityHashMap<BoundExpr, Integer> columnLocations = new java.util.IdentityHashMap<>();

    /** The source position of a column reference this analyzer bound, or -1. */
    int columnLocation(BoundExpr column) {
        return columnLocations.getOrDefault(column, -1);
    }

    /** Where the outer column each parameter stands for was first written (a LATERAL reference's error points there). */
    private final java.util.Map<Integer, Integer> parameterLocations = new java.util.HashMap<>();

    /** The source position of the first reference that made parameter {@code id}, or -1. */
    int parameterLocation(int id) {
        return parameterLocations.getOrDefault(id, -1);
    }

    private BoundExpr column(ColumnRef c, Scope scope) {
        BoundExpr bound = resolveColumn(c, scope);
        if (bound instanceof org.lakepg.server.sql.plan.expr.InputRef) {
            columnLocations.put(bound, c.location());
        } else if (bound instanceof org.lakepg.server.sql.plan.expr.OuterParam p) {
            parameterLocations.putIfAbsent(p.id(), c.location());
        }
        return bound;
    }

    private BoundExpr resolveColumn(ColumnRef c, Scope scope) {
        var found = c.star() && c.fields().size() == 1 ? scope.wholeRow(c.fields().get(0), c.location())
                : java.util.Optional.<BoundExpr>empty();
        if (found.isEmpty()) {
            found = scope.column(c.fields(), c.location());
        }
        if (found.isEmpty() && functionParameters != null) {
            found = functionParameters.column(c.fields(), c.location());
        }
        return found.orElseThrow(() -> {
            if (c.fields().size() > 1) {
                String table = c.fields().get(c.fields().size() - 2);
                String alias = aliasOfTable(scope, table);
                if (scope instanceof FromScope from && from.aliasedAway(table)) {
                    return Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                            "invalid reference to FROM-clause entry for table \"%s\"", table)
                            .withHint("There is an entry for table \"" + table
                                    + "\", but it cannot be referenced from this part of the query."), c.location());
                }
                if (alias != null) {
                    // the table is there under another name (errorMissingRTE)
                    return Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                            "invalid reference to FROM-clause entry for table \"%s\"", table)
                            .withHint("Perhaps you meant to reference the table alias \"" + alias + "\"."), c.location());
                }
                return Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                        "missing FROM-clause entry for table \"%s\"", table), c.location());
            }
            return Coercer.at(ColumnHints.withHint(PgException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"%s\" does not exist", c.fields().get(0)), scope, null, c.fields().get(0)), c.location());
        });
    }

    private BoundExpr cast(TypeCast c, Scope scope) {
        long[] type = resolveType(c.typeName());
        if (c.arg() instanceof org.lakepg.server.sql.ast.AArrayExpr a && a.elements().isEmpty()) {
            if (type[0] == TypeOids.OIDVECTOR || type[0] == TypeOids.INT2VECTOR) {
                // a vector is a one-dimensional array: PostgreSQL's check_valid_oidvector rejects the empty one
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "array is not a valid %s",
                        type[0] == TypeOids.OIDVECTOR ? "oidvector" : "int2vector");
            }
            // ARRAY[]::int[]: the cast gives the empty array its type
            long element = catalog.type(type[0]).map(t -> t.elementType()).orElse(0L);
            if (element != 0) {
                return new Const(type[0], (int) type[1], org.lakepg.wire.types.PgArray.of((int) element));
            }
        }
        BoundExpr arg = c.arg() instanceof org.lakepg.server.sql.ast.AArrayExpr a ? castArray(a, type[0], scope)
                : analyze(c.arg(), scope);
        int location = c.location() >= 0 ? c.location() : location(c.arg());
        if (c.arg() instanceof AConst literal && literal.kind() == AConst.Kind.STRING) {
            location = literal.location(); // a literal's input errors point at the literal, as in PostgreSQL
        }
        return coercer.coerce(arg, type[0], (int) type[1], TypeCoercion.Context.EXPLICIT, location);
    }

    /**
     * ARRAY[...]::t[]: each element cast to t itself, as PostgreSQL's transformArrayExpr does when a cast names the
     * array type (so ARRAY[1, 'NaN']::float8[] reads 'NaN' as a float8).
     */
    private BoundExpr castArray(org.lakepg.server.sql.ast.AArrayExpr a, long arrayType, Scope scope) {
        long element = catalog.type(arrayType).filter(TypeEntry::isArray).map(TypeEntry::elementType).orElse(0L);
        if (element == 0 || a.elements().stream().anyMatch(e -> e instanceof org.lakepg.server.sql.ast.AArrayExpr)) {
            return analyze(a, scope);
        }
        List<BoundExpr> elements = new ArrayList<>();
        for (Expr e : a.elements()) {
            elements.add(coercer.coerce(analyze(e, scope), element, -1, TypeCoercion.Context.EXPLICIT, location(e)));
        }
        return new org.lakepg.server.sql.plan.expr.ArrayExpr(elements, element, arrayType);
    }

    /** A TypeName's OID and typmod; 42704 when no such type exists. */
    public long[] resolveType(TypeName name) {
        TypeEntry type = catalog.typeByName(name.names()).orElseThrow(() -> Coercer.at(PgException.of(
                SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", String.join(".", name.names())),
                name.location()));
        List<Integer> mods = new ArrayList<>();
        for (Expr m : name.typmods()) {
            if (m instanceof AConst a && a.kind() == AConst.Kind.INTEGER) {
                mods.add(Integer.parseInt(a.value()));
            } else {
                throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "type modifiers must be simple constants or identifiers"),
                        location(m));
            }
        }
        int typmod;
        try {
            typmod = TypeModifiers.compute(type.oid(), mods, notices);
        } catch (PgException e) {
            throw Coercer.at(e, name.location());
        }
        long oid = type.oid();
        if (!name.arrayBounds().isEmpty()) {
            oid = type.arrayType();
            if (oid == 0) {
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_OBJECT, "could not find array type for data type %s",
                        TypeNames.format(catalog, type.oid())), name.location());
            }
        }
        return new long[] {oid, typmod};
    }

    private BoundExpr operatorExpression(AExpr a, Scope scope) {
        return switch (a.kind()) {
            // SIMILAR TO: the parser wrapped the pattern in similar_to_escape(), leaving ~ / !~; a constant
            // pattern is translated now, as PostgreSQL's constant folding does
            case SIMILAR -> operator(a.name(), analyze(a.left(), scope),
                    org.lakepg.server.function.scalar.SimilarToEscape.foldConstant(analyze(a.right(), scope)),
                    a.location());
            case OP, LIKE, ILIKE -> operator(a.name(), a.left() == null ? null : analyze(a.left(), scope),
                    analyze(a.right(), scope), a.location());
            case IN -> {
                if (forDeparser && constantList((ExprList) a.right())) {
                    // transformAExprIn's form, which the deparser prints: x = ANY (ARRAY[a, b]), x <> ALL (...)
                    boolean not = a.name().get(a.name().size() - 1).equals("<>");
                    yield arrayComparison(new AExpr(not ? AExpr.Kind.OP_ALL : AExpr.Kind.OP_ANY, a.name(), a.left(),
                            new org.lakepg.server.sql.ast.AArrayExpr(((ExprList) a.right()).items(), a.location()),
                            a.location()), scope);
                }
                // x IN (a, b) is x = a OR x = b; NOT IN uses <> and AND
                BoundExpr left = analyze(a.left(), scope);
                String op = a.name().get(a.name().size() - 1);
                List<BoundExpr> items = new ArrayList<>();
                for (Expr item : ((ExprList) a.right()).items()) {
                    items.add(analyze(item, scope));
                }
                // transformAExprIn: untyped literals take the common type of the list, the left side's (so
                // oid::regclass IN ('a_star') reads 'a_star' as a regclass, not as the oid its = compares)
                boolean untyped = items.size() > 1 && left.type() != TypeOids.UNKNOWN && left.type() != TypeOids.RECORD
                        && items.stream().allMatch(i -> i instanceof Const c && c.type() == TypeOids.UNKNOWN);
                long common = untyped ? domainBase(left.type()) : 0; // select_common_type takes a domain's base
                List<BoundExpr> tests = new ArrayList<>();
                BoundExpr atOnce = inListAsArray(a, left, items);
                if (atOnce != null) {
                    tests.add(atOnce); // the items that read this query's columns are compared one by one below
                    items = items.stream().filter(ExpressionAnalyzer::readsColumns).toList();
                }
                for (BoundExpr item : items) {
                    BoundExpr right = untyped ? coercer.coerce(item, common, -1, TypeCoercion.Context.IMPLICIT,
                            a.location()) : item;
                    tests.add(operator(List.of(op), left, right, a.location()));
                }
                yield tests.size() == 1 ? tests.get(0)
                        : new BoolExpr(op.equals("<>") ? BoolExpr.Kind.AND : BoolExpr.Kind.OR, tests);
            }
            case BETWEEN, NOT_BETWEEN -> {
                BoundExpr value = analyze(a.left(), scope);
                List<Expr> bounds = ((ExprList) a.right()).items();
                boolean not = a.kind() == AExpr.Kind.NOT_BETWEEN;
                BoundExpr low = operator(List.of(not ? "<" : ">="), value, analyze(bounds.get(0), scope), a.location());
                BoundExpr high = operator(List.of(not ? ">" : "<="), value, analyze(bounds.get(1), scope), a.location());
                yield new BoolExpr(not ? BoolExpr.Kind.OR : BoolExpr.Kind.AND, List.of(low, high));
            }
            case BETWEEN_SYM, NOT_BETWEEN_SYM -> {
                // as transformAExprBetween: the bounds both ways round, (a >= b AND a <= c) OR (a >= c AND a <= b)
                boolean not = a.kind() == AExpr.Kind.NOT_BETWEEN_SYM;
                List<Expr> bounds = ((ExprList) a.right()).items();
                BoolExpr.Kind inner = not ? BoolExpr.Kind.OR : BoolExpr.Kind.AND;
                List<BoundExpr> ways = new ArrayList<>();
                for (int first = 0; first < 2; first++) {
                    BoundExpr value = analyze(a.left(), scope);
                    BoundExpr low = operator(List.of(not ? "<" : ">="), value,
                            analyze(bounds.get(first), scope), a.location());
                    BoundExpr high = operator(List.of(not ? ">" : "<="), analyze(a.left(), scope),
                            analyze(bounds.get(1 - first), scope), a.location());
                    ways.add(new BoolExpr(inner, List.of(low, high)));
                }
                yield new BoolExpr(not ? BoolExpr.Kind.AND : BoolExpr.Kind.OR, ways);
            }
            case NULLIF -> {
                // NULLIF(a, b) = CASE WHEN a = b THEN NULL ELSE a END, typed as a (after the operator's coercion)
                BoundExpr left = analyze(a.left(), scope);
                BoundExpr equal = operator(List.of("="), left, analyze(a.right(), scope), a.location());
                BoundExpr value = equal instanceof FuncExpr fe ? fe.arguments().get(SQL_FUNCTION_CALL.equals(fe.source())
                        ? 1 : 0) : left; // a user function's call has its OID first
                yield new CaseExpr(List.of(new CaseExpr.When(requireBoolean(equal, "NULLIF", a.location()),
                        new Const(value.type(), -1, null))), value, value.type(), -1);
            }
            case DISTINCT, NOT_DISTINCT -> {
                // NULLs are not distinct from each other and distinct from every value
                BoundExpr left = analyze(a.left(), scope);
                BoundExpr right = analyze(a.right(), scope);
                if (RowExpressions.isRecordConstructor(left) && RowExpressions.isRecordConstructor(right)) {
                    yield RowExpressions.distinct((FuncExpr) left, (FuncExpr) right, a.kind() == AExpr.Kind.DISTINCT,
                            a.location(), this);
                }
                BoundExpr equal = requireBoolean(operator(a.name(), left, right, a.location()), "IS DISTINCT FROM",
                        a.location());
                List<BoundExpr> sides = equal instanceof FuncExpr fe && fe.arguments().size() == 2 ? fe.arguments()
                        : List.of(left, right);
                BoundExpr bothNull = new BoolExpr(BoolExpr.Kind.AND, List.of(new NullTest(sides.get(0), false),
                        new NullTest(sides.get(1), false)));
                BoundExpr oneNull = new BoolExpr(BoolExpr.Kind.OR, List.of(new NullTest(sides.get(0), false),
                        new NullTest(sides.get(1), false)));
                boolean distinct = a.kind() == AExpr.Kind.DISTINCT;
                yield new CaseExpr(List.of(
                        new CaseExpr.When(bothNull, new Const(TypeOids.BOOL, -1, !distinct)),
                        new CaseExpr.When(oneNull, new Const(TypeOids.BOOL, -1, distinct))),
                        distinct ? not(equal) : equal, TypeOids.BOOL, -1);
            }
            case OP_ANY, OP_ALL -> arrayComparison(a, scope);
            default -> throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "%s expressions are not supported yet", a.kind()), a.location());
        };
    }

    /** The type a domain is made from, through domains over domains; any other type itself. */
    private long domainBase(long type) {
        long base = type;
        for (int guard = 0; guard < 64; guard++) {
            var domain = catalog.type(base).filter(t -> t.isDomain());
            if (domain.isEmpty()) {
                break;
            }
            base = domain.get().baseType();
        }
        return base;
    }

    /** {@code x op ANY/ALL (array)} (PostgreSQL's make_scalar_array_op). */
    /**
     * transformAExprIn: the items of {@code x IN (...)} that read no column of this query, when there are more than
     * one and they have a common type with x that has an array type, compare at once as {@code x = ANY (ARRAY[...])}
     * ({@code x <> ALL} for NOT IN) — what the planner can use as one index condition, estimates as disjoint
     * equalities, and EXPLAIN shows as {@code = ANY ('{1,2}'::integer[])}. Null when they cannot.
     */
    private BoundExpr inListAsArray(AExpr a, BoundExpr left, List<BoundExpr> items) {
        List<BoundExpr> constant = items.stream().filter(i -> !readsColumns(i)).toList();
        if (constant.size() < 2 || RowExpressions.isRecordConstructor(left)
                || constant.stream().anyMatch(RowExpressions::isRecordConstructor)) {
            return null;
        }
        List<Long> types = new ArrayList<>();
        types.add(left.type());
        constant.forEach(i -> types.add(i.type()));
        long common;
        try {
            common = new CommonType(rules).select(types, "IN");
        } catch (PgException e) {
            return null; // no common type: each item compares on its own (and reports its own error)
        }
        long arrayType = common == TypeOids.RECORD || common == TypeOids.UNKNOWN ? 0 : rules.arrayTypeOf(common);
        if (arrayType == 0) {
            return null;
        }
        var array = elementsAs(constant, common, arrayType, a.location()); // verify_common_type
        if (array.isEmpty()) {
            return null;
        }
        boolean not = a.name().get(a.name().size() - 1).equals("<>");
        return arrayComparison(a.name(), !not, left, array.get(), a.location(), a.location());
    }

    /**
     * An array constructor of {@code items} coerced to {@code element} and folded (a constant array by the time
     * PostgreSQL plans it), or empty when one cannot be coerced.
     */
    private java.util.Optional<BoundExpr> elementsAs(List<BoundExpr> items, long element, long arrayType, int location) {
        List<BoundExpr> elements = new ArrayList<>();
        for (BoundExpr e : items) {
            var coerced = coercer.tryCoerce(e, element, -1, TypeCoercion.Context.IMPLICIT, location);
            if (coerced.isEmpty()) {
                return java.util.Optional.empty();
            }
            elements.add(foldConstants(coerced.get()));
        }
        return java.util.Optional.of(new org.lakepg.server.sql.plan.expr.ArrayExpr(elements, element, arrayType));
    }

    private boolean pseudo(long type) {
        return catalog.type(type).map(t -> t.isPseudo()).orElse(true);
    }

    /** contain_vars_of_level(e, 0): whether e reads a column of this query (a subquery is taken to). */
    private static boolean readsColumns(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof org.lakepg.server.sql.plan.expr.InputRef
                || x instanceof org.lakepg.server.sql.plan.expr.SubqueryExpr);
    }

    private BoundExpr arrayComparison(AExpr a, Scope scope) {
        return arrayComparison(a.name(), a.kind() == AExpr.Kind.OP_ANY, analyze(a.left(), scope),
                analyze(a.right(), scope), a.location(), location(a.right()));
    }

    private BoundExpr arrayComparison(List<String> name, boolean any, BoundExpr left, BoundExpr right, int location,
                                      int rightLocation) {
        String opName = name.get(name.size() - 1);
        long element;
        if (right.type() == TypeOids.UNKNOWN) {
            element = TypeOids.UNKNOWN;
        } else if (right.type() == TypeOids.OIDVECTOR || right.type() == TypeOids.INT2VECTOR) {
            // arrays of their element type (typelem, array_subscript_handler), as get_base_element_type finds
            element = right.type() == TypeOids.OIDVECTOR ? TypeOids.OID : TypeOids.INT2;
        } else {
            element = catalog.type(right.type()).map(t -> t.elementType()).orElse(0L);
            if (element == 0 || rules.arrayTypeOf(element) != right.type()) {
                throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                        "op ANY/ALL (array) requires array on right side"), location);
            }
        }
        BoundExpr comparison = operator(name, new org.lakepg.server.sql.plan.expr.InputRef(0, left.type(), -1, null),
                new org.lakepg.server.sql.plan.expr.InputRef(1, element, -1, null), location);
        if (comparison.type() != TypeOids.BOOL) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "op ANY/ALL (array) requires operator to yield boolean"), location);
        }
        if (right.type() != TypeOids.UNKNOWN && comparison instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR
                && f.arguments().size() == 2) {
            // make_scalar_array_op: both sides coerced to the operator's input types ((c)::text = ANY (text[]))
            long leftInput = f.arguments().get(0).type();
            long rightInput = f.arguments().get(1).type();
            long rightArray = rules.arrayTypeOf(rightInput);
            if ((leftInput != left.type() || rightInput != element) && rightArray != 0
                    && !pseudo(leftInput) && !pseudo(rightInput)) {
                var l = coercer.tryCoerce(left, leftInput, -1, TypeCoercion.Context.IMPLICIT, location);
                var r = right instanceof org.lakepg.server.sql.plan.expr.ArrayExpr array
                        && array.elements().stream().noneMatch(x -> x.type() == array.type())
                        ? elementsAs(array.elements(), rightInput, rightArray, rightLocation)
                        : coercer.tryCoerce(right, rightArray, -1, TypeCoercion.Context.IMPLICIT, rightLocation);
                if (l.isPresent() && r.isPresent()) {
                    left = l.get();
                    right = r.get();
                    comparison = operator(name, new org.lakepg.server.sql.plan.expr.InputRef(0, leftInput, -1, null),
                            new org.lakepg.server.sql.plan.expr.InputRef(1, rightInput, -1, null), location);
                }
            }
        }
        if (right.type() == TypeOids.UNKNOWN) {
            // the literal is an array of the operator's right operand type
            long operand = comparison instanceof FuncExpr f && f.arguments().size() == 2 ? f.arguments().get(1).type()
                    : TypeOids.TEXT;
            if (operand == TypeOids.UNKNOWN) {
                operand = TypeOids.TEXT;
            }
            right = coercer.coerce(right, rules.arrayTypeOf(operand), -1, TypeCoercion.Context.IMPLICIT, rightLocation);
            comparison = operator(name, new org.lakepg.server.sql.plan.expr.InputRef(0, left.type(), -1, null),
                    new org.lakepg.server.sql.plan.expr.InputRef(1, operand, -1, null), location);
        }
        return new org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr(any, opName, left, right, comparison);
    }

    /** Resolves an operator and coerces its operands to the chosen declaration. */
    public BoundExpr operator(List<String> name, BoundExpr left, BoundExpr right, int location) {
        String opName = name.get(name.size() - 1);
        if (left != null && RowExpressions.isRecordConstructor(left) && RowExpressions.isRecordConstructor(right)
                && RowExpressions.isRowComparison(name)) {
            return RowExpressions.compare(opName, (FuncExpr) left, (FuncExpr) right, location, this);
        }
        ResolvedOperator op;
        try {
            op = operators.resolve(opName, catalog.operators(name), left == null ? 0 : left.type(), right.type());
        } catch (PgException e) {
            throw Coercer.at(e, location);
        }
        ProcEntry proc = catalog.function(op.operator().procedure()).orElseThrow();
        List<BoundExpr> args = new ArrayList<>();
        if (left != null) {
            args.add(coercer.coerce(left, op.leftType(), -1, TypeCoercion.Context.IMPLICIT, location));
        }
        args.add(coercer.coerce(right, op.rightType(), -1, TypeCoercion.Context.IMPLICIT, location));
        var body = SqlFunctionBodies.expression(proc);
        if (body.isPresent()) {
            return inline(proc, body.get(), args, op.resultType(), location);
        }
        if (proc.language() == ProcEntry.LANGUAGE_SQL && proc.oid() >= FIRST_USER_OID
                || proc.language() == ProcEntry.LANGUAGE_PLPGSQL) {
            // a CREATE OPERATOR's function that is not inlined: run per call, as a call of it by name would be
            List<BoundExpr> withOid = new ArrayList<>();
            withOid.add(new org.lakepg.server.sql.plan.expr.Const(TypeOids.OID, -1, proc.oid()));
            withOid.addAll(args);
            return new FuncExpr(proc.oid(), proc.name(), SQL_FUNCTION_CALL, FuncExpr.Form.CALL, withOid, false,
                    proc.volatility(), op.resultType(), -1);
        }
        return new FuncExpr(proc.oid(), opName, proc.source(), FuncExpr.Form.OPERATOR, args, proc.strict(),
                proc.volatility(), op.resultType(), -1);
    }

    private BoundExpr functionCall(FuncCall f, Scope scope) {
        int correlationMark = outerLevels.isEmpty() ? 0 : outerLevels.peek().view().size();
        List<BoundExpr> args = new ArrayList<>();
        List<String> argumentNames = new ArrayList<>();
        for (Expr arg : f.aggStar() ? List.<Expr>of() : f.args()) {
            if (arg instanceof org.lakepg.server.sql.ast.NamedArgExpr named) {
                if (argumentNames.contains(named.name())) {
                    throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "argument name \"%s\" used more than once",
                            named.name()), named.location());
                }
                argumentNames.add(named.name());
                args.add(analyze(named.arg(), scope));
            } else {
                if (!argumentNames.isEmpty() && argumentNames.get(argumentNames.size() - 1) != null) {
                    throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                            "positional argument cannot follow named argument"), location(arg));
                }
                argumentNames.add(null);
                args.add(analyze(arg, scope));
            }
        }
        boolean namedCall = argumentNames.stream().anyMatch(java.util.Objects::nonNull);
        if (f.aggWithinGroup()) {
            // an ordered-set aggregate is resolved over its direct and its aggregated (WITHIN GROUP) arguments
            for (org.lakepg.server.sql.ast.SortBy by : f.aggOrder()) {
                args.add(analyze(by.node(), scope));
            }
        }
        long[] types = args.stream().mapToLong(BoundExpr::type).toArray();
        String name = f.funcname().get(f.funcname().size() - 1);
        if (args.size() == 1 && args.get(0) instanceof Const literal && literal.type() == TypeOids.UNKNOWN
                && !f.aggStar() && !f.aggDistinct() && f.aggFilter() == null && !f.funcVariadic()) {
            // typename('literal') is always a cast (func_get_detail): cidr('10.1.2.3/8') reads a cidr
            var target = catalog.typeByName(f.funcname());
            // FuncNameAsType: not a table's row type
            if (target.isPresent() && target.get().relationOid() == 0) {
                return coercer.coerce(literal, target.get().oid(), -1, TypeCoercion.Context.EXPLICIT,
                        location(f.args().get(0)));
            }
        }
        List<ProcEntry> candidates = catalog.functions(f.funcname());
        ResolvedCall call;
        int[] positions = null;
        try {
            if (namedCall) {
                var resolved = functions.resolve(name, candidates, types, argumentNames, f.funcVariadic());
                call = resolved.call();
                positions = resolved.positions();
            } else {
                call = functions.resolve(name, candidates, types, f.funcVariadic());
            }
        } catch (PgException notFound) {
            if (args.size() == 1 && notFound.sqlState() == SqlState.UNDEFINED_FUNCTION) {
                // a function-style cast: int4(x), "text"(x)
                var target = catalog.typeByName(f.funcname());
                if (target.isPresent()) {
                    var coerced = coercer.tryCoerce(args.get(0), target.get().oid(), -1,
                            TypeCoercion.Context.EXPLICIT, f.location());
                    if (coerced.isPresent()) {
                        return coerced.get();
                    }
                }
            }
            throw Coercer.at(notFound, f.location());
        }
        if (namedCall && call.proc().kind() != ProcEntry.KIND_FUNCTION && call.proc().kind() != ProcEntry.KIND_PROCEDURE
                && call.proc().kind() != ProcEntry.KIND_WINDOW) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "named arguments are not supported for aggregate or window functions yet"), f.location());
        }
        if (positions != null) {
            call = NamedArguments.inParameterOrder(call, positions, args, this);
        }
        if (call.proc().kind() == ProcEntry.KIND_AGGREGATE && args.isEmpty() && !f.aggStar()
                && call.proc().argumentTypes().length == 0) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "%s(*) must be used to call a parameterless aggregate function", name), f.location());
        }
        if (f.over() != null && call.proc().kind() == ProcEntry.KIND_WINDOW) {
            call = withDefaults(call, args, name, f);
        }
        if (f.over() != null) {
            if (windows == null) {
                throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "window functions are not allowed in %s",
                        windowsForbiddenIn != null ? windowsForbiddenIn
                                : aggregates == null ? aggregatesForbiddenIn : "this context"), f.location());
            }
            return new WindowCalls(this, catalog, windows).call(f, call, args, scope);
        }
        if (call.proc().kind() == ProcEntry.KIND_AGGREGATE) {
            if (!outerLevels.isEmpty() && f.aggWithinGroup()) {
                rejectLowerLevelDirectArguments(f, args, scope);
            }
            if (!outerLevels.isEmpty() && onlyOuterReferences(withFilterAndOrder(f, args, scope))) {
                return OuterAggregates.atOuterLevel(this, f, correlationMark);
            }
            return aggregateCall(f, call, args, scope);
        }
        if (f.aggStar() || f.aggDistinct() || f.aggFilter() != null || !f.aggOrder().isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "%s specified, but %s is not an aggregate function",
                    f.aggStar() ? "*" : f.aggDistinct() ? "DISTINCT" : f.aggWithinGroup() ? "WITHIN GROUP"
                            : f.aggFilter() != null ? "FILTER" : "ORDER BY", name), f.location());
        }
        if (call.proc().kind() == ProcEntry.KIND_PROCEDURE) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is a procedure",
                    signature(name, call.proc().argumentTypes())).withHint(
                    "To call a procedure, use CALL."), f.location());
        }
        if (call.proc().kind() != ProcEntry.KIND_FUNCTION) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "window function %s requires an OVER clause", name), f.location());
        }
        call = withDefaults(call, args, name, f);
        List<BoundExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            long target = call.argumentTypes()[i];
            BoundExpr arg = args.get(i);
            if (target == TypeOids.ANY && arg.type() == TypeOids.UNKNOWN) {
                target = TypeOids.TEXT;
            }
            coerced.add(coercer.coerce(arg, target, -1, TypeCoercion.Context.IMPLICIT, i < f.args().size() ? location(f.args().get(i)) : f.location()));
        }
        if (call.variadicExpanded() && call.proc().variadicType() != TypeOids.ANY) {
            // the trailing arguments of a VARIADIC function travel as one array, as in PostgreSQL
            int first = call.proc().argumentCount() - 1;
            long element = first < call.argumentTypes().length ? call.argumentTypes()[first] : call.proc().variadicType();
            List<BoundExpr> variadic = new ArrayList<>(coerced.subList(first, coerced.size()));
            coerced = new ArrayList<>(coerced.subList(0, first));
            coerced.add(new org.lakepg.server.sql.plan.expr.ArrayExpr(variadic, element, rules.arrayTypeOf(element)));
        }
        catalog.functionUsed(call.proc());
        var body = SqlFunctionBodies.expression(call.proc());
        boolean userSql = call.proc().language() == ProcEntry.LANGUAGE_SQL && call.proc().oid() >= FIRST_USER_OID
                || call.proc().language() == ProcEntry.LANGUAGE_PLPGSQL;
        // the deparser shows a user's function as called, as PostgreSQL inlines only when planning
        if (body.isPresent() && !(userSql && forDeparser) && !(userSql
                && body.get() instanceof org.lakepg.server.sql.ast.SubLink
                && !coerced.stream().allMatch(ExpressionAnalyzer::rowIndependent))) {
            return inline(call.proc(), body.get(), coerced, call.resultType(), f.location());
        }
        if ((call.proc().returnType() == TypeOids.TRIGGER || call.proc().returnType() == TypeOids.EVENT_TRIGGER)
                && call.proc().language() == ProcEntry.LANGUAGE_PLPGSQL) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "trigger functions can only be called as triggers"), f.location());
        }
        if (userSql) {
            // not inlinable (several statements, a query reading the row's values, void): run per call
            List<BoundExpr> withOid = new ArrayList<>();
            withOid.add(new org.lakepg.server.sql.plan.expr.Const(TypeOids.OID, -1, call.proc().oid()));
            withOid.addAll(coerced);
            if (PlpgsqlPolymorphism.hasPolymorphicInput(call.proc())) {
                // the body's variables take the actual argument types: they travel as one trailing text argument
                withOid.add(new org.lakepg.server.sql.plan.expr.Const(TypeOids.TEXT, -1,
                        PlpgsqlPolymorphism.encode(coerced)));
            }
            return new FuncExpr(call.proc().oid(), name, SQL_FUNCTION_CALL, FuncExpr.Form.CALL, withOid, false,
                    call.proc().volatility(), call.resultType(), -1);
        }
        String source = call.proc().source();
        if (source.equals("pg_collation_for") && coerced.size() == 1) {
            return new FuncExpr(call.proc().oid(), name, source, FuncExpr.Form.CALL,
                    CollationFor.arguments(f.args().get(0), args.get(0).type(), coerced.get(0), catalog), false,
                    call.proc().volatility(),
                    call.resultType(), -1);
        }
        boolean variadicArray = f.funcVariadic() && call.proc().variadicType() == TypeOids.ANY;
        if (variadicArray && !coerced.isEmpty()) {
            source = explicitVariadicAny(source, coerced.get(coerced.size() - 1), f);
        }
        return JsonCalls.rewrite(new FuncExpr(call.proc().oid(), name, source, FuncExpr.Form.CALL,
                coerced, call.proc().strict(), call.proc().volatility(), call.resultType(), -1),
                variadicArray, this, catalog);
    }

    /** The call with its missing trailing arguments appended (to {@code args}) as their declared defaults. */
    private ResolvedCall withDefaults(ResolvedCall call, List<BoundExpr> args, String name, FuncCall f) {
        if (call.defaultsUsed() == 0) {
            return call;
        }
        List<String> defaults = call.proc().defaultExpressions();
        if (defaults.size() < call.defaultsUsed()) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "the defaults of %s are not known", name), f.location());
        }
        long[] declared = call.proc().argumentTypes();
        List<Expr> missing = new ArrayList<>();
        for (int i = defaults.size() - call.defaultsUsed(); i < defaults.size(); i++) {
            missing.add(SqlFunctionBodies.defaultExpression(defaults.get(i)));
        }
        long[] all = java.util.Arrays.copyOf(call.argumentTypes(), declared.length);
        for (int i = 0; i < missing.size(); i++) {
            int position = args.size();
            all[position] = declared[position];
            args.add(analyze(missing.get(i), Scope.EMPTY));
        }
        return new ResolvedCall(call.proc(), all, call.resultType(), call.variadicExpanded(), 0);
    }

    /** concat(VARIADIC arr) and the like: the array is passed whole and spread out by the function. */
    private String explicitVariadicAny(String source, BoundExpr last, FuncCall f) {
        var type = catalog.type(last.type());
        if (type.isEmpty() || type.get().elementType() == 0 || type.get().length() != -1) {
            throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "VARIADIC argument must be an array"),
                    location(f.args().get(f.args().size() - 1)));
        }
        return org.lakepg.server.function.scalar.VariadicAnyCalls.sourceFor(source,
                org.lakepg.server.function.FunctionRegistry.builtins()).orElse(source);
    }

    private BoundExpr aggregateCall(FuncCall f, ResolvedCall call, List<BoundExpr> args, Scope scope) {
        if (aggregates == null && NESTED_AGGREGATE.equals(aggregatesForbiddenIn)) {
            throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested"),
                    f.location());
        }
        if (aggregates == null) {
            throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in %s",
                    aggregatesForbiddenIn), f.location());
        }
        int index = aggregates.add(aggregate(f, call, args, scope, false), f.location());
        return new org.lakepg.server.sql.plan.expr.AggRef(index, call.resultType(), -1);
    }

    /** An aggregate call's pg_aggregate machinery (also for aggregates used as window functions). */
    org.lakepg.server.sql.plan.AggregateCall aggregate(FuncCall f, ResolvedCall call, List<BoundExpr> args, Scope scope,
                                                       boolean overWindow) {
        boolean moved = f == movedAggregate;
        movedAggregate = null;
        for (BoundExpr arg : args) {
            // an aggregate over a window may take the query's aggregates: sum(sum(x)) OVER ()
            org.lakepg.server.sql.plan.expr.AggRef nested = overWindow ? null : firstAggregate(arg);
            if (nested != null) {
                int at = aggregates == null ? -1 : aggregates.location(nested.index());
                throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested"),
                        at >= 0 ? at : f.location());
            }
        }
        List<BoundExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            long target = call.argumentTypes()[i];
            BoundExpr arg = args.get(i);
            if (target == TypeOids.ANY && arg.type() == TypeOids.UNKNOWN) {
                target = TypeOids.TEXT;
            }
            coerced.add(coercer.coerce(arg, target, -1, TypeCoercion.Context.IMPLICIT, location(argumentNode(f, i))));
        }
        if (call.variadicExpanded() && call.proc().variadicType() != TypeOids.ANY) {
            // least_agg(a, b) over VARIADIC anyarray: the trailing arguments are aggregated as one array
            packVariadic(call, coerced);
        }
        BoundExpr filter = null;
        if (f.aggFilter() != null) {
            AggregateCollector outer = aggregates;
            aggregates = null;
            // an aggregate moved to an enclosing query (its arguments name only that query's columns) finds that
            // query's aggregates in its FILTER nested in it, as PostgreSQL's check_agg_arguments does
            aggregatesForbiddenIn = moved ? NESTED_AGGREGATE : "FILTER";
            try {
                filter = requireBoolean(analyze(f.aggFilter(), scope), "FILTER", location(f.aggFilter()));
            } finally {
                aggregates = outer;
            }
        }
        var entry = catalog.aggregate(call.proc().oid()).orElseThrow(() -> Coercer.at(PgException.of(
                SqlState.FEATURE_NOT_SUPPORTED, "aggregate %s has no pg_aggregate entry", call.proc().name()),
                f.location()));
        AggregateInputOrder.check(entry.kind(), f, call.proc().name(), overWindow);
        List<BoundExpr> levelDeciding = new ArrayList<>(coerced);
        if (filter != null) {
            levelDeciding.add(filter); // sum(outer.a) FILTER (WHERE local.x > 0) belongs to the local query
        }
        if (!overWindow && onlyOuterReferences(levelDeciding)) {
            // outside expression subqueries (those move it up: OuterAggregates) only LATERAL names outer columns
            throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR,
                    "aggregate functions are not allowed in FROM clause of their own query level"), f.location());
        }
        ProcEntry transition = catalog.function(entry.transitionFunction()).orElseThrow();
        ProcEntry finalFunction = entry.finalFunction() == 0 ? null : catalog.function(entry.finalFunction()).orElseThrow();
        long stateType = TypeOids.isPolymorphic(entry.transitionType()) ? call.resultType() : entry.transitionType();
        Object initial = null;
        if (entry.initialValue() != null) {
            initial = io.input(stateType, -1, entry.initialValue(), context);
        }
        if (entry.kind() == 'h') {
            hypotheticalArguments(f, call, args, coerced);
        }
        List<BoundExpr> analyzed = args;
        if (call.variadicExpanded() && call.proc().variadicType() != TypeOids.ANY) {
            analyzed = new ArrayList<>(args);
            packVariadic(call, analyzed);
        }
        var order = new AggregateInputOrder(catalog, this).plan(f, entry.kind() == 'n' ? 0 : f.args().size(), analyzed,
                coerced, scope);
        return new org.lakepg.server.sql.plan.AggregateCall(call.proc().oid(), call.proc().name(), order.arguments(),
                f.aggDistinct(), order.keys(), filter, transition.oid(), supportSource(transition), transition.strict(), stateType,
                initial, finalFunction == null ? 0 : finalFunction.oid(), finalFunction == null ? null : supportSource(finalFunction),
                finalFunction != null && finalFunction.strict(), entry.finalExtra(), call.resultType(),
                entry.kind() == 'n' ? 0 : f.args().size(), order.sortOnly(),
                overWindow ? moving(entry, call, order.arguments(), f.aggDistinct(), order.keys(), filter,
                        f.args().size(), order.sortOnly()) : null);
    }

    /** The aggregate's moving-aggregate form (MSFUNC, MINVFUNC, ...), when its definition has one. */
    private org.lakepg.server.sql.plan.MovingAggregateCall moving(org.lakepg.server.catalog.AggregateEntry entry,
            ResolvedCall call, List<BoundExpr> arguments, boolean distinct, List<org.lakepg.server.sql.plan.SortKey> keys,
            BoundExpr filter, int argumentCount, int sortOnly) {
        var m = entry.moving();
        if (m == null || m.inverseFunction() == 0) {
            return null;
        }
        ProcEntry transition = catalog.function(m.transitionFunction()).orElseThrow();
        ProcEntry inverse = catalog.function(m.inverseFunction()).orElseThrow();
        ProcEntry finalFunction = m.finalFunction() == 0 ? null : catalog.function(m.finalFunction()).orElseThrow();
        long stateType = TypeOids.isPolymorphic(m.transitionType()) ? call.resultType() : m.transitionType();
        Object initial = m.initialValue() == null ? null : io.input(stateType, -1, m.initialValue(), context);
        var forward = new org.lakepg.server.sql.plan.AggregateCall(call.proc().oid(), call.proc().name(), arguments,
                distinct, keys, filter, transition.oid(), supportSource(transition), transition.strict(), stateType, initial,
                finalFunction == null ? 0 : finalFunction.oid(), finalFunction == null ? null : supportSource(finalFunction),
                finalFunction != null && finalFunction.strict(), m.finalExtra(), call.resultType(),
                entry.kind() == 'n' ? 0 : argumentCount, sortOnly, null);
        return new org.lakepg.server.sql.plan.MovingAggregateCall(forward, inverse.oid(), supportSource(inverse),
                inverse.strict());
    }

    /** Replaces the arguments from the VARIADIC parameter's position on by one array of them. */
    private void packVariadic(ResolvedCall call, List<BoundExpr> arguments) {
        int first = call.proc().argumentCount() - 1;
        long element = first < call.argumentTypes().length ? call.argumentTypes()[first] : call.proc().variadicType();
        List<BoundExpr> variadic = new ArrayList<>(arguments.subList(first, arguments.size()));
        arguments.subList(first, arguments.size()).clear();
        arguments.add(new org.lakepg.server.sql.plan.expr.ArrayExpr(variadic, element, rules.arrayTypeOf(element)));
    }

    /** How the executor runs an aggregate's support function: built-in code by prosrc, user SQL/PL/pgSQL by OID. */
    private static String supportSource(ProcEntry p) {
        if (p.language() == ProcEntry.LANGUAGE_SQL && p.oid() >= FIRST_USER_OID
                || p.language() == ProcEntry.LANGUAGE_PLPGSQL) {
            return PlpgsqlPolymorphism.hasPolymorphicInput(p) ? POLYMORPHIC_SQL_FUNCTION_CALL : SQL_FUNCTION_CALL;
        }
        return p.source();
    }

    /**
     * rank(3) WITHIN GROUP (ORDER BY x): one hypothetical value per ordering column, each pair brought to a common
     * type so the hypothetical row sorts among the real ones.
     */
    private void hypotheticalArguments(FuncCall f, ResolvedCall call, List<BoundExpr> args, List<BoundExpr> coerced) {
        int n = f.args().size();
        if (n != f.aggOrder().size()) {
            long[] types = coerced.stream().mapToLong(BoundExpr::type).toArray();
            throw Coercer.at(functions.notFound(call.proc().name(), types).withHint(String.format(
                    "To use the hypothetical-set aggregate %s, the number of hypothetical direct arguments (here %d) "
                            + "must match the number of ordering columns (here %d).", call.proc().name(), n,
                    f.aggOrder().size())), f.location());
        }
        for (int i = 0; i < n; i++) {
            // the ordering column first, as unify_hypothetical_args lists them (it names the types in that order)
            // an untyped literal takes the ordering column's type (rank('fred') over integers fails on 'fred')
            BoundExpr direct = args.get(i).type() == TypeOids.UNKNOWN ? args.get(i) : coerced.get(i);
            long type;
            try {
                type = commonType(List.of(coerced.get(n + i), direct), "WITHIN GROUP");
            } catch (PgException e) {
                throw Coercer.at(e, location(f.args().get(i))); // select_common_type points at the direct argument
            }
            coerced.set(i, coercer.coerce(direct, type, -1, TypeCoercion.Context.IMPLICIT, location(f.args().get(i))));
            coerced.set(n + i, coercer.coerce(coerced.get(n + i), type, -1, TypeCoercion.Context.IMPLICIT, f.location()));
        }
        for (int i = 0; i < n; i++) {
            // each hypothetical value sorts with its ordering column, so they share one collation
            // (assign_hypothetical_collations): two different explicit ones fail at the ordering column's
            if (f.args().get(i) instanceof org.lakepg.server.sql.ast.CollateClause direct
                    && f.aggOrder().get(i).node() instanceof org.lakepg.server.sql.ast.CollateClause ordering) {
                String a = direct.collname().get(direct.collname().size() - 1);
                String b = ordering.collname().get(ordering.collname().size() - 1);
                if (!a.equals(b)) {
                    throw Coercer.at(PgException.of(SqlState.COLLATION_MISMATCH,
                            "collation mismatch between explicit collations \"%s\" and \"%s\"", a, b),
                            ordering.location());
                }
            }
        }
    }

    /** An aggregate's arguments with its FILTER and ORDER BY expressions: all of them decide its query level. */
    private List<BoundExpr> withFilterAndOrder(FuncCall f, List<BoundExpr> args, Scope scope) {
        List<Expr> more = new ArrayList<>();
        if (f.aggFilter() != null) {
            more.add(f.aggFilter());
        }
        if (!f.aggWithinGroup()) {
            f.aggOrder().forEach(by -> more.add(by.node()));
        }
        if (more.isEmpty()) {
            return args;
        }
        List<BoundExpr> all = new ArrayList<>(args);
        for (Expr e : more) {
            try {
                all.add(analyzeWithoutAggregates(e, scope, "FILTER"));
            } catch (PgException invalid) {
                return args; // reported where the aggregate is analyzed for real
            }
        }
        return all;
    }

    /**
     * An ordered-set aggregate belongs to the level of its ordering columns, not of its direct arguments
     * (check_agg_arguments): one whose ordering reads only outer columns may not read this level's in its
     * direct arguments.
     */
    private void rejectLowerLevelDirectArguments(FuncCall f, List<BoundExpr> directArgs, Scope scope) {
        List<BoundExpr> ordering = withFilterAndOrder(f, List.of(), scope);
        List<BoundExpr> aggregated = new ArrayList<>(ordering);
        for (var by : f.aggOrder()) {
            try {
                aggregated.add(analyzeWithoutAggregates(by.node(), scope, "WITHIN GROUP"));
            } catch (PgException invalid) {
                return; // reported where the aggregate is analyzed for real
            }
        }
        if (!onlyOuterReferences(aggregated)) {
            return;
        }
        for (int i = 0; i < directArgs.size() && i < f.args().size(); i++) {
            if (ExprRewriter.any(directArgs.get(i), x -> x instanceof org.lakepg.server.sql.plan.expr.InputRef)) {
                throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR,
                        "outer-level aggregate cannot contain a lower-level variable in its direct arguments"),
                        location(f.args().get(i)));
            }
        }
    }

    private static boolean onlyOuterReferences(List<BoundExpr> arguments) {
        boolean outer = false;
        boolean local = false;
        for (BoundExpr a : arguments) {
            outer |= ExprRewriter.any(a, x -> x instanceof org.lakepg.server.sql.plan.expr.OuterParam);
            local |= ExprRewriter.any(a, x -> x instanceof org.lakepg.server.sql.plan.expr.InputRef);
        }
        return outer && !local;
    }

    /** GROUPING(a, b): resolved against the grouping once it is known (GroupingRewriter). */
    private BoundExpr groupingFunction(org.lakepg.server.sql.ast.GroupingFunc g, Scope scope) {
        if (aggregates == null) {
            throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR, "grouping operations are not allowed in %s",
                    aggregatesForbiddenIn), g.location());
        }
        if (g.args().size() > 31) {
            throw Coercer.at(PgException.of(SqlState.TOO_MANY_ARGUMENTS,
                    "GROUPING must have fewer than 32 arguments"), g.location());
        }
        List<BoundExpr> args = new ArrayList<>();
        for (Expr a : g.args()) {
            args.add(analyze(a, scope));
        }
        return GroupingRewriter.groupingCall(args);
    }

    /** The syntax node of a call's i-th argument, counting WITHIN GROUP's ordered arguments after the direct ones. */
    private static Expr argumentNode(FuncCall f, int i) {
        return i < f.args().size() ? f.args().get(i) : f.aggOrder().get(i - f.args().size()).node();
    }

    static boolean containsAggregate(BoundExpr e) {
        return firstAggregate(e) != null;
    }

    /**
     * The first aggregate of this query level in an expression, or null; one in a subquery's correlation is an
     * aggregate the subquery moved up to this level.
     */
    private static org.lakepg.server.sql.plan.expr.AggRef firstAggregate(BoundExpr e) {
        return switch (e) {
            case null -> null;
            case org.lakepg.server.sql.plan.expr.AggRef a -> a;
            case org.lakepg.server.sql.plan.expr.SubqueryExpr q ->
                    firstAggregate(q.correlations().stream().map(org.lakepg.server.sql.plan.expr.Correlation::value).toList());
            case FuncExpr f -> firstAggregate(f.arguments());
            case BoolExpr b -> firstAggregate(b.arguments());
            case NullTest t -> firstAggregate(t.argument());
            case CaseExpr c -> {
                List<BoundExpr> parts = new ArrayList<>();
                c.whens().forEach(w -> {
                    parts.add(w.condition());
                    parts.add(w.result());
                });
                parts.add(c.otherwise());
                yield firstAggregate(parts);
            }
            case CoalesceExpr c -> firstAggregate(c.arguments());
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> firstAggregate(m.arguments());
            case org.lakepg.server.sql.plan.expr.CoerceViaIO c -> firstAggregate(c.argument());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> firstAggregate(a.argument());
            case org.lakepg.server.sql.plan.expr.RelabelType r -> firstAggregate(r.argument());
            case org.lakepg.server.sql.plan.expr.ArrayExpr a -> firstAggregate(a.elements());
            default -> null;
        };
    }

    private static org.lakepg.server.sql.plan.expr.AggRef firstAggregate(List<BoundExpr> exprs) {
        for (BoundExpr e : exprs) {
            var found = firstAggregate(e);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A SQL function's body with its parameters replaced by the call's arguments. */
    private BoundExpr inline(ProcEntry proc, Expr body, List<BoundExpr> arguments, long resultType, int location) {
        if (body instanceof org.lakepg.server.sql.ast.SubLink && !arguments.stream().allMatch(
                ExpressionAnalyzer::rowIndependent)) {
            // the query runs once per statement (uncorrelated), so it cannot see a row's values yet
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "calling SQL function %s, whose body is a query, with arguments from table columns is not supported yet",
                    proc.name()), location);
        }
        List<String> names = SqlFunctionBodies.inputNames(proc);
        BoundExpr inlined = inFunctionBody(proc.name(), names, arguments, () -> {
            BoundExpr e = analyze(body, Scope.EMPTY);
            return coercer.coerce(e, resultType, -1, TypeCoercion.Context.ASSIGNMENT, location);
        });
        return ConstantSqlCalls.fold(proc, arguments, inlined, io, context);
    }

    private String signature(String name, long[] types) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", name + "(", ")");
        for (long t : types) {
            j.add(TypeNames.format(catalog, t));
        }
        return j.toString();
    }

    /** The expression with its constant parts evaluated, as PostgreSQL's planner does (eval_const_expressions). */
    BoundExpr foldConstants(BoundExpr e) {
        return new ConstantFolding(io, context, planningDeferred ? this::deferFoldingError : null).fold(e);
    }

    /** A FROM function item's call folded as PostgreSQL's preprocess_function_rtes does, user functions too. */
    BoundExpr foldFunctionItem(BoundExpr call) {
        BoundExpr folded = foldConstants(call);
        return planningDeferred ? folded : ConstantFunctionItems.evaluated(folded, io, context);
    }

    private boolean planningDeferred;
    private PgException deferredFoldingError;

    /**
     * Analysis only, as PostgreSQL's parse analysis of a statement it plans later (or never): an error of
     * constant folding is kept for {@link #deferredFoldingError} instead of thrown.
     */
    public void deferPlanningErrors() {
        planningDeferred = true;
    }

    /**
     * Binds {@code x IN (constants)} as PostgreSQL's parser does, x = ANY (ARRAY[...]), and keeps user functions'
     * calls uninlined: for the deparser only.
     */
    private boolean forDeparser;

    public void forDeparser() {
        forDeparser = true;
    }

    /** Two or more literals (transformAExprIn makes an array of the list's non-Var items only then). */
    private static boolean constantList(ExprList list) {
        return list.items().size() > 1 && list.items().stream().allMatch(i -> i instanceof org.lakepg.server.sql.ast.AConst
                || i instanceof org.lakepg.server.sql.ast.TypeCast c && c.arg() instanceof org.lakepg.server.sql.ast.AConst
                || i instanceof AExpr minus && minus.kind() == AExpr.Kind.OP && minus.left() == null
                        && minus.right() instanceof org.lakepg.server.sql.ast.AConst);
    }

    /** The first error constant folding met while planning was deferred, or null. */
    public PgException deferredFoldingError() {
        return deferredFoldingError;
    }

    private void deferFoldingError(PgException error) {
        if (deferredFoldingError == null) {
            deferredFoldingError = error;
        }
    }

    /** An expression with the same value for every row: constants, parameters and non-volatile calls of them. */
    private static boolean rowIndependent(BoundExpr e) {
        return switch (e) {
            case org.lakepg.server.sql.plan.expr.Const c -> true;
            case ParamRef p -> true;
            case org.lakepg.server.sql.plan.expr.RelabelType r -> rowIndependent(r.argument());
            case org.lakepg.server.sql.plan.expr.CoerceViaIO c -> rowIndependent(c.argument());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> rowIndependent(a.argument());
            case FuncExpr f -> f.volatility() != 'v' && f.arguments().stream().allMatch(ExpressionAnalyzer::rowIndependent);
            default -> false;
        };
    }

    /** A subquery in an expression; the enclosing query's columns it names become its correlations. */
    private BoundExpr subquery(org.lakepg.server.sql.ast.SubLink l, Scope scope) {
        var kind = l.kind();
        if (kind == org.lakepg.server.sql.ast.SubLink.Kind.ROWCOMPARE
                || kind == org.lakepg.server.sql.ast.SubLink.Kind.MULTIEXPR) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "row comparisons with subqueries are not supported yet"),
                    l.location());
        }
        CorrelatedScope outerView = new CorrelatedScope(scope, this::nextParamId);
        Relation r;
        subqueryDepth++;
        outerLevels.push(new OuterAggregates.Level(scope, outerView, aggregates, aggregatesForbiddenIn,
                ctes.depth()));
        try {
            r = new QueryAnalyzer(this, parameters, catalog, outerView).query(l.subselect(), true);
        } finally {
            outerLevels.pop();
            subqueryDepth--;
        }
        var correlations = outerView.correlations();
        var plan = correlations.isEmpty() ? r.plan()
                : new org.lakepg.server.sql.optimizer.HashLookups(this::nextParamId, catalog::indexes).subplan(r.plan());
        if (kind == org.lakepg.server.sql.ast.SubLink.Kind.EXISTS) {
            var exists = new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                    org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.EXISTS, plan, null, null, TypeOids.BOOL, correlations);
            // make_subplan: a correlated EXISTS also gets the hashed form EXPLAIN may show instead
            var hashed = correlations.isEmpty() ? null
                    : org.lakepg.server.sql.optimizer.ExistsToAny.hashedPlan(exists, catalog);
            return hashed == null ? exists : new org.lakepg.server.sql.plan.expr.SubqueryExpr(exists.kind(), plan,
                    null, null, TypeOids.BOOL, correlations, hashed);
        }
        if ((kind == org.lakepg.server.sql.ast.SubLink.Kind.ANY || kind == org.lakepg.server.sql.ast.SubLink.Kind.ALL)
                && l.testexpr() instanceof org.lakepg.server.sql.ast.RowExpr row
                && (row.args().size() != 1 || r.columns().size() != 1)) {
            return rowSubquery(l, row, r, plan, correlations, scope);
        }
        if (r.columns().size() != 1) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                    r.columns().size() > 1 ? "subquery must return only one column" : "subquery must return a column"),
                    l.location());
        }
        long type = r.columns().get(0).type();
        switch (kind) {
            case EXPR -> {
                return new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                        org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.SCALAR, plan, null, null, type, correlations);
            }
            case ARRAY -> {
                // ARRAY(SELECT int[] ...) stacks the arrays: an int[] of one more dimension
                // (get_promoted_array_type: a type with an array type of its own, like int2vector, is an element)
                var arrayOfArrays = catalog.type(type).filter(t -> t.isArray() && rules.arrayTypeOf(type) == 0);
                if (arrayOfArrays.isPresent()) {
                    return new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                            org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ARRAY, plan, null,
                            new Const(arrayOfArrays.get().elementType(), -1, null), type, correlations);
                }
                long arrayType = rules.arrayTypeOf(type);
                if (arrayType == 0) {
                    throw Coercer.at(PgException.of(SqlState.UNDEFINED_OBJECT, "could not find array type for data type %s",
                            TypeNames.format(catalog, type)), l.location());
                }
                return new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                        org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ARRAY, plan, null,
                        new Const(type, -1, null), arrayType, correlations);
            }
            default -> {
                // ROW(x) op ANY (SELECT y): one field compares as x op y (make_row_comparison_op with one pair)
                BoundExpr test = analyze(l.testexpr() instanceof org.lakepg.server.sql.ast.RowExpr row
                        ? row.args().get(0) : l.testexpr(), scope);
                List<String> op = l.operName() == null || l.operName().isEmpty() ? List.of("=") : l.operName();
                BoundExpr comparison = operator(op, new org.lakepg.server.sql.plan.expr.InputRef(0, test.type(), -1, null),
                        new org.lakepg.server.sql.plan.expr.InputRef(1, type, -1, null), l.location());
                comparison = requireBoolean(comparison, kind == org.lakepg.server.sql.ast.SubLink.Kind.ALL ? "ALL" : "ANY",
                        l.location());
                return new org.lakepg.server.sql.plan.expr.SubqueryExpr(kind == org.lakepg.server.sql.ast.SubLink.Kind.ALL
                        ? org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ALL
                        : org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ANY, plan, test, comparison, TypeOids.BOOL, correlations);
            }
        }
    }

    /**
     * {@code (a, b) op ANY/ALL (SELECT x, y ...)}: the subquery's columns travel as one record and the rows compare
     * field by field (make_row_comparison_op), so a NULL field makes a comparison unknown as in PostgreSQL.
     */
    private BoundExpr rowSubquery(org.lakepg.server.sql.ast.SubLink l, org.lakepg.server.sql.ast.RowExpr row,
                                  Relation r, org.lakepg.server.sql.plan.PlanNode plan,
                                  List<org.lakepg.server.sql.plan.expr.Correlation> correlations, Scope scope) {
        int n = row.args().size();
        if (r.columns().size() != n) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, r.columns().size() > n
                    ? "subquery has too many columns" : "subquery has too few columns"), l.location());
        }
        List<BoundExpr> tests = new ArrayList<>();
        List<BoundExpr> leftFields = new ArrayList<>();
        List<BoundExpr> rightFields = new ArrayList<>();
        List<BoundExpr> subqueryColumns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BoundExpr t = analyze(row.args().get(i), scope);
            tests.add(t);
            long columnType = r.columns().get(i).type();
            subqueryColumns.add(new org.lakepg.server.sql.plan.expr.InputRef(i, columnType, r.columns().get(i).typmod(),
                    r.columns().get(i).name()));
            leftFields.add(field(new org.lakepg.server.sql.plan.expr.InputRef(0, TypeOids.RECORD, -1, null), i, t.type()));
            rightFields.add(field(new org.lakepg.server.sql.plan.expr.InputRef(1, TypeOids.RECORD, -1, null), i,
                    columnType));
        }
        String op = l.operName() == null || l.operName().isEmpty() ? "=" : l.operName().get(l.operName().size() - 1);
        BoundExpr comparison = RowExpressions.compare(op, RowExpressions.constructor(leftFields, TypeOids.RECORD),
                RowExpressions.constructor(rightFields, TypeOids.RECORD), l.location(), this);
        var records = new org.lakepg.server.sql.plan.ProjectNode(plan,
                List.of(RowExpressions.constructor(subqueryColumns, TypeOids.RECORD)));
        return new org.lakepg.server.sql.plan.expr.SubqueryExpr(l.kind() == org.lakepg.server.sql.ast.SubLink.Kind.ALL
                ? org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ALL : org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ANY,
                records, RowExpressions.constructor(tests, TypeOids.RECORD), comparison, TypeOids.BOOL, correlations);
    }

    /** Field {@code i} of a record value, of a known type. */
    private static BoundExpr field(BoundExpr record, int i, long type) {
        return new FuncExpr(org.lakepg.server.function.scalar.RowFunctions.FIELD_OID,
                org.lakepg.server.function.scalar.RowFunctions.FIELD, org.lakepg.server.function.scalar.RowFunctions.FIELD,
                FuncExpr.Form.CALL, List.of(record, new org.lakepg.server.sql.plan.expr.Const(TypeOids.INT4, -1, i)), true,
                'i', type, -1);
    }

    /** ARRAY[a, b, ...]: one-dimensional, elements coerced to their common type. */
    private BoundExpr arrayConstructor(org.lakepg.server.sql.ast.AArrayExpr a, Scope scope) {
        List<BoundExpr> elements = new ArrayList<>();
        if (!a.elements().isEmpty() && a.elements().stream().allMatch(e -> e instanceof org.lakepg.server.sql.ast.AArrayExpr)) {
            return multidimensional(a, scope);
        }
        for (Expr e : a.elements()) {
            elements.add(analyze(e, scope));
        }
        if (elements.isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.INDETERMINATE_DATATYPE, "cannot determine type of empty array")
                    .withHint("Explicitly cast to the desired type, for example ARRAY[]::integer[]."), a.location());
        }
        long element = commonType(elements, "ARRAY");
        long arrayType = rules.arrayTypeOf(element);
        if (arrayType == 0) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_OBJECT, "could not find array type for data type %s",
                    TypeNames.format(catalog, element)), a.location());
        }
        return new org.lakepg.server.sql.plan.expr.ArrayExpr(coerceAll(elements, element, a.elements()), element, arrayType);
    }

    /** ARRAY[[1,2],[3,4]]: sub-arrays of one common type, stacked one dimension higher at run time. */
    private BoundExpr multidimensional(org.lakepg.server.sql.ast.AArrayExpr a, Scope scope) {
        List<BoundExpr> rows = new ArrayList<>();
        for (Expr e : a.elements()) {
            rows.add(arrayConstructor((org.lakepg.server.sql.ast.AArrayExpr) e, scope));
        }
        List<Long> elementTypes = new ArrayList<>();
        for (BoundExpr r : rows) {
            elementTypes.add(((org.lakepg.server.sql.plan.expr.ArrayExpr) r).elementType());
        }
        long element = new CommonType(rules).select(elementTypes, "ARRAY");
        long arrayType = rules.arrayTypeOf(element);
        List<BoundExpr> retyped = new ArrayList<>();
        for (BoundExpr r : rows) {
            retyped.add(retype((org.lakepg.server.sql.plan.expr.ArrayExpr) r, element, arrayType));
        }
        return new org.lakepg.server.sql.plan.expr.ArrayExpr(retyped, element, arrayType);
    }

    /** A sub-array constructor with its leaf elements coerced to the whole constructor's element type. */
    private BoundExpr retype(org.lakepg.server.sql.plan.expr.ArrayExpr a, long element, long arrayType) {
        if (a.elementType() == element) {
            return a;
        }
        List<BoundExpr> out = new ArrayList<>();
        for (BoundExpr e : a.elements()) {
            out.add(e.type() == a.type() ? retype((org.lakepg.server.sql.plan.expr.ArrayExpr) e, element, arrayType)
                    : coercer.coerce(e, element, -1, TypeCoercion.Context.IMPLICIT, -1));
        }
        return new org.lakepg.server.sql.plan.expr.ArrayExpr(out, element, arrayType);
    }

    private BoundExpr valueFunction(SQLValueFunction f) {
        // the date/time ones are now() cast to their type, rounded to the precision given, as PostgreSQL 15 computes them
        long dateTimeType = switch (f.op()) {
            case CURRENT_DATE -> TypeOids.DATE;
            case CURRENT_TIME, CURRENT_TIME_N -> TypeOids.TIMETZ;
            case CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N -> TypeOids.TIMESTAMPTZ;
            case LOCALTIME, LOCALTIME_N -> TypeOids.TIME;
            case LOCALTIMESTAMP, LOCALTIMESTAMP_N -> TypeOids.TIMESTAMP;
            default -> 0;
        };
        if (dateTimeType != 0) {
            int typmod = f.typmod();
            if (typmod > 6) {
                String type = switch (f.op()) {
                    case CURRENT_TIME_N -> "TIME(%d) WITH TIME ZONE";
                    case CURRENT_TIMESTAMP_N -> "TIMESTAMP(%d) WITH TIME ZONE";
                    case LOCALTIME_N -> "TIME(%d)";
                    default -> "TIMESTAMP(%d)";
                };
                notices.accept(PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        type + " precision reduced to maximum allowed, %d", typmod, 6)
                        .withSeverity(PgException.Severity.WARNING));
                typmod = 6;
            }
            ProcEntry now = catalog.functions(List.of("now")).get(0);
            BoundExpr call = new FuncExpr(now.oid(), "now", now.source(), FuncExpr.Form.CALL, List.of(), now.strict(),
                    now.volatility(), now.returnType(), -1);
            return org.lakepg.server.sql.plan.expr.SqlValueFunctions.named(
                    coercer.coerce(call, dateTimeType, typmod, TypeCoercion.Context.EXPLICIT, f.location()),
                    org.lakepg.server.sql.plan.expr.SqlValueFunctions.keyword(f.op(), typmod));
        }
        String function = switch (f.op()) {
            case CURRENT_USER, USER, CURRENT_ROLE -> "current_user";
            case SESSION_USER -> "session_user";
            case CURRENT_CATALOG -> "current_database";
            case CURRENT_SCHEMA -> "current_schema";
            default -> null;
        };
        if (function == null) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet",
                    f.op().name()), f.location());
        }
        ProcEntry proc = catalog.functions(List.of(function)).get(0);
        return org.lakepg.server.sql.plan.expr.SqlValueFunctions.named(new FuncExpr(proc.oid(), function,
                proc.source(), FuncExpr.Form.CALL, List.of(), proc.strict(), proc.volatility(), proc.returnType(), -1),
                org.lakepg.server.sql.plan.expr.SqlValueFunctions.keyword(f.op(), -1));
    }

    private BoundExpr booleanTest(BooleanTest t, Scope scope) {
        BoundExpr arg = requireBoolean(analyze(t.arg(), scope), "IS " + t.kind().name().replace("IS_", "")
                .replace('_', ' '), location(t.arg()));
        BoundExpr isNull = new NullTest(arg, false);
        Const yes = new Const(TypeOids.BOOL, -1, true);
        Const no = new Const(TypeOids.BOOL, -1, false);
        // IS TRUE: CASE WHEN x IS NULL THEN false ELSE x END, and so on
        return switch (t.kind()) {
            case IS_TRUE -> new CaseExpr(List.of(new CaseExpr.When(isNull, no)), arg, TypeOids.BOOL, -1);
            case IS_NOT_TRUE -> new CaseExpr(List.of(new CaseExpr.When(isNull, yes)), not(arg), TypeOids.BOOL, -1);
            case IS_FALSE -> new CaseExpr(List.of(new CaseExpr.When(isNull, no)), not(arg), TypeOids.BOOL, -1);
            case IS_NOT_FALSE -> new CaseExpr(List.of(new CaseExpr.When(isNull, yes)), arg, TypeOids.BOOL, -1);
            case IS_UNKNOWN -> isNull;
            case IS_NOT_UNKNOWN -> new NullTest(arg, true);
        };
    }

    private static BoundExpr not(BoundExpr e) {
        return new BoolExpr(BoolExpr.Kind.NOT, List.of(e));
    }

    private BoundExpr caseExpression(org.lakepg.server.sql.ast.CaseExpr c, Scope scope) {
        BoundExpr subject = c.arg() == null ? null : analyze(c.arg(), scope);
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        List<Expr> resultExprs = new ArrayList<>();
        for (CaseWhen w : c.whens()) {
            BoundExpr condition;
            if (subject != null) {
                condition = operator(List.of("="), subject, analyze(w.expr(), scope), w.location());
            } else {
                condition = analyze(w.expr(), scope);
            }
            conditions.add(requireBoolean(condition, "CASE/WHEN", location(w.expr())));
            results.add(analyze(w.result(), scope));
            resultExprs.add(w.result());
        }
        BoundExpr otherwise = c.defresult() == null ? new Const(TypeOids.UNKNOWN, -1, null) : analyze(c.defresult(), scope);
        List<BoundExpr> all = new ArrayList<>(results);
        all.add(otherwise);
        long type = commonType(all, "CASE");
        List<CaseExpr.When> whens = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            whens.add(new CaseExpr.When(conditions.get(i),
                    coercer.coerce(results.get(i), type, -1, TypeCoercion.Context.IMPLICIT, location(resultExprs.get(i)))));
        }
        BoundExpr other = coercer.coerce(otherwise, type, -1, TypeCoercion.Context.IMPLICIT,
                c.defresult() == null ? c.location() : location(c.defresult()));
        return new CaseExpr(whens, other, type, -1, subject);
    }

    /** GREATEST/LEAST: arguments coerced to their common type, compared by its default btree ordering. */
    private BoundExpr minMax(org.lakepg.server.sql.ast.MinMaxExpr m, Scope scope) {
        List<BoundExpr> args = new ArrayList<>();
        for (Expr arg : m.args()) {
            args.add(analyze(arg, scope));
        }
        String what = m.op() == org.lakepg.server.sql.ast.MinMaxExpr.Op.GREATEST ? "GREATEST" : "LEAST";
        long type = commonType(args, what);
        List<BoundExpr> coerced = coerceAll(args, type, m.args());
        ProcEntry compare = catalog.btreeComparison(type).orElseThrow(() -> Coercer.at(PgException.of(
                SqlState.UNDEFINED_FUNCTION, "could not identify a comparison function for type %s",
                TypeNames.format(catalog, type)), m.location()));
        return new org.lakepg.server.sql.plan.expr.MinMaxExpr(
                org.lakepg.server.sql.plan.expr.MinMaxExpr.Op.valueOf(m.op().name()), coerced, compare.oid(),
                compare.source(), type, -1);
    }

    private long commonType(List<BoundExpr> exprs, String what) {
        return new CommonType(rules).select(exprs.stream().map(BoundExpr::type).toList(), what);
    }

    private List<BoundExpr> coerceAll(List<BoundExpr> exprs, long type, List<Expr> sources) {
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            out.add(coercer.coerce(exprs.get(i), type, -1, TypeCoercion.Context.IMPLICIT, location(sources.get(i))));
        }
        return out;
    }

    /** coerce_to_boolean: "argument of AND must be type boolean, not type integer". */
    public BoundExpr requireBoolean(BoundExpr e, String construct, int location) {
        if (e.type() == TypeOids.BOOL) {
            return e;
        }
        return coercer.tryCoerce(e, TypeOids.BOOL, -1, TypeCoercion.Context.ASSIGNMENT, location)
                .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "argument of %s must be type %s, not type %s", construct, "boolean",
                        TypeNames.format(catalog, e.type())), location));
    }

    /**
     * {@code (SELECT a, b ...)} as the source of {@code SET (x, y) = ...} (PostgreSQL's MULTIEXPR sublink): one
     * scalar subquery whose value is a row of the subquery's columns, and those columns.
     */
    MultiAssignments.RowSubquery multiColumnSubquery(org.lakepg.server.sql.ast.SubLink l, Scope scope) {
        CorrelatedScope outerView = new CorrelatedScope(scope, this::nextParamId);
        Relation r;
        subqueryDepth++;
        try {
            r = new QueryAnalyzer(this, parameters, catalog, outerView).query(l.subselect(), true);
        } finally {
            subqueryDepth--;
        }
        List<BoundExpr> fields = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            var c = r.columns().get(i);
            fields.add(new org.lakepg.server.sql.plan.expr.InputRef(i, c.type(), c.typmod(), c.name()));
        }
        org.lakepg.server.sql.plan.PlanNode rows = new org.lakepg.server.sql.plan.ProjectNode(r.plan(),
                List.of(RowExpressions.constructor(fields, TypeOids.RECORD)));
        var correlations = outerView.correlations();
        var plan = correlations.isEmpty() ? rows
                : new org.lakepg.server.sql.optimizer.HashLookups(this::nextParamId, catalog::indexes).subplan(rows);
        return new MultiAssignments.RowSubquery(new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.SCALAR, plan, null, null, TypeOids.RECORD,
                correlations), r.columns());
    }
}
