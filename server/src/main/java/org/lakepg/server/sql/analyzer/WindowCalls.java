package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.server.sql.parser.FrameOptions;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.WindowRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A function call with OVER (PostgreSQL's transformWindowFuncCall and transformWindowDefinitions):
 * a window function or an aggregate, over a window resolved against the query's WINDOW clause.
 */
final class WindowCalls {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;
    private final WindowCollector windows;

    WindowCalls(ExpressionAnalyzer expressions, AnalyzerCatalog catalog, WindowCollector windows) {
        this.expressions = expressions;
        this.catalog = catalog;
        this.windows = windows;
    }

    BoundExpr call(FuncCall f, ResolvedCall call, List<BoundExpr> args, Scope scope) {
        String name = call.proc().name();
        for (BoundExpr arg : args) {
            if (ExprRewriter.any(arg, x -> x instanceof WindowRef)) {
                throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "window function calls cannot be nested"),
                        f.location());
            }
        }
        WindowCall windowCall;
        if (call.proc().kind() == ProcEntry.KIND_AGGREGATE) {
            if (f.aggDistinct()) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "DISTINCT is not implemented for window functions"), f.location());
            }
            AggregateCall aggregate = expressions.aggregate(f, call, args, scope, true);
            windowCall = new WindowCall(name, null, aggregate.arguments(), aggregate, call.resultType());
        } else if (call.proc().kind() == 'w') {
            if (f.aggDistinct()) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "DISTINCT is not implemented for window functions"), f.location());
            }
            if (f.aggFilter() != null) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "FILTER is not implemented for non-aggregate window functions"), f.location());
            }
            List<BoundExpr> coerced = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                long target = call.argumentTypes()[i];
                BoundExpr arg = args.get(i);
                if (arg.type() == TypeOids.UNKNOWN && TypeOids.isPolymorphic(target)) {
                    target = TypeOids.TEXT;
                }
                coerced.add(expressions.coercer().coerce(arg, target, -1, TypeCoercion.Context.IMPLICIT,
                        i < f.args().size() ? ExpressionAnalyzer.location(f.args().get(i)) : f.location()));
            }
            windowCall = new WindowCall(name, call.proc().source(), coerced, null, call.resultType());
        } else {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "OVER specified, but %s is not a window function nor an aggregate function", name), f.location());
        }
        int index = windows.add(window(f.over(), scope), windowCall);
        return new WindowRef(index, call.resultType(), -1);
    }

    private WindowDef named(String name, int location) {
        for (WindowDef d : windows.named()) {
            if (name.equals(d.name())) {
                return d;
            }
        }
        throw Coercer.at(PgException.of(SqlState.UNDEFINED_OBJECT, "window \"%s\" does not exist", name), location);
    }

    /** A window definition with its reference to a named window merged in. */
    private WindowDef merged(WindowDef def) {
        if (def.refname() == null) {
            return def;
        }
        WindowDef base = merged(named(def.refname(), def.location()));
        boolean bare = def.partitionClause().isEmpty() && def.orderClause().isEmpty()
                && def.frameOptions() == FrameOptions.DEFAULTS;
        if (bare) {
            return base;
        }
        if (!def.partitionClause().isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "cannot override PARTITION BY clause of window \"%s\"",
                    def.refname()), def.location());
        }
        if (!base.orderClause().isEmpty() && !def.orderClause().isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "cannot override ORDER BY clause of window \"%s\"",
                    def.refname()), def.location());
        }
        if (base.frameOptions() != FrameOptions.DEFAULTS) {
            throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR,
                    "cannot copy window \"%s\" because it has a frame clause", def.refname()), def.location());
        }
        return new WindowDef(null, null, base.partitionClause(),
                def.orderClause().isEmpty() ? base.orderClause() : def.orderClause(), def.frameOptions(),
                def.startOffset(), def.endOffset(), def.location());
    }

    private WindowCollector.Window window(WindowDef over, Scope scope) {
        WindowDef def = merged(over);
        List<BoundExpr> partition = new ArrayList<>();
        for (Expr e : def.partitionClause()) {
            partition.add(expressions.analyzeWithoutWindows(e, scope, "window definitions"));
        }
        List<WindowCollector.Order> order = new ArrayList<>();
        for (SortBy by : def.orderClause()) {
            boolean desc = by.dir() == SortBy.SortDir.DESC;
            boolean nullsFirst = by.nulls() == SortBy.SortNulls.DEFAULT ? desc : by.nulls() == SortBy.SortNulls.FIRST;
            order.add(new WindowCollector.Order(expressions.analyzeWithoutWindows(by.node(), scope, "window definitions"), desc, nullsFirst, by.location()));
        }
        int options = def.frameOptions();
        boolean offsets = (options & (FrameOptions.START_OFFSET_PRECEDING | FrameOptions.START_OFFSET_FOLLOWING
                | FrameOptions.END_OFFSET_PRECEDING | FrameOptions.END_OFFSET_FOLLOWING)) != 0;
        if ((options & FrameOptions.RANGE) != 0 && offsets) {
            if (order.size() != 1) {
                throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR,
                        "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column"), def.location());
            }
            return rangeWindow(over, def, partition, order, options);
        }
        if ((options & FrameOptions.GROUPS) != 0 && order.isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause"),
                    def.location());
        }
        String mode = (options & FrameOptions.ROWS) != 0 ? "ROWS" : "GROUPS";
        return new WindowCollector.Window(over.refname() != null ? over.refname() : over.name(), partition, order,
                options, offset(def.startOffset(), mode, scope), offset(def.endOffset(), mode, scope), null);
    }

    /** RANGE with offsets: the offsets typed for the order column's in_range support function. */
    private WindowCollector.Window rangeWindow(WindowDef over, WindowDef def, List<BoundExpr> partition,
                                               List<WindowCollector.Order> order, int options) {
        long column = order.get(0).expr().type();
        ProcEntry startFunction = def.startOffset() == null ? null : inRange(column, def.startOffset());
        ProcEntry endFunction = def.endOffset() == null ? null : inRange(column, def.endOffset());
        ProcEntry chosen = startFunction != null ? startFunction : endFunction;
        BoundExpr start = startFunction == null ? null : typed(def.startOffset(), startFunction.argumentTypes()[2]);
        BoundExpr end = endFunction == null ? null : typed(def.endOffset(), endFunction.argumentTypes()[2]);
        return new WindowCollector.Window(over.refname() != null ? over.refname() : over.name(), partition, order,
                options, start, end, chosen.source());
    }

    /** The in_range function PostgreSQL picks for one offset: exact offset type first, else an implicit cast. */
    private ProcEntry inRange(long column, Expr offset) {
        BoundExpr probe = expressions.analyzeWithoutAggregates(offset, Scope.EMPTY, "window definitions");
        ProcEntry chosen = null;
        boolean anyForColumn = false;
        for (ProcEntry p : catalog.functions(List.of("in_range"))) {
            long[] args = p.argumentTypes();
            if (args[0] != column || args[1] != column) {
                continue;
            }
            anyForColumn = true;
            if (args[2] == probe.type()) {
                return p;
            }
            if (chosen == null && expressions.coercer().tryCoerce(probe, args[2], -1, TypeCoercion.Context.IMPLICIT, -1)
                    .isPresent()) {
                chosen = p;
            }
        }
        if (!anyForColumn) {
            // the sort operator class's input type: varchar and bpchar columns sort with text's
            long shown = column == TypeOids.VARCHAR ? TypeOids.TEXT : column;
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s",
                    TypeNames.format(catalog, shown)), offsetLocation(offset));
        }
        if (chosen == null) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s",
                    TypeNames.format(catalog, column), TypeNames.format(catalog, probe.type()))
                    .withHint("Cast the offset value to an appropriate type."), offsetLocation(offset));
        }
        return chosen;
    }

    /** Where PostgreSQL points at an offset: the transformed expression's, a cast literal's being the literal's. */
    private static int offsetLocation(Expr offset) {
        if (offset instanceof org.lakepg.server.sql.ast.TypeCast t && t.arg() instanceof org.lakepg.server.sql.ast.AConst c) {
            return c.location();
        }
        return ExpressionAnalyzer.location(offset);
    }

    private BoundExpr typed(Expr e, long type) {
        if (e == null) {
            return null;
        }
        BoundExpr value = expressions.analyzeWithoutAggregates(e, Scope.EMPTY, "window definitions");
        return expressions.coercer().coerce(value, type, -1, TypeCoercion.Context.IMPLICIT, ExpressionAnalyzer.location(e));
    }

    private BoundExpr offset(Expr e, String mode, Scope scope) {
        if (e == null) {
            return null;
        }
        BoundExpr value;
        try {
            value = expressions.analyzeWithoutAggregates(e, Scope.EMPTY, "window definitions");
        } catch (PgException unknownName) {
            // a column of the query: PostgreSQL binds it, then rejects it (checkExprIsVarFree)
            if (unknownName.sqlState() != SqlState.UNDEFINED_TABLE && unknownName.sqlState() != SqlState.UNDEFINED_COLUMN) {
                throw unknownName;
            }
            try {
                expressions.analyzeWithoutAggregates(e, scope, "window definitions");
            } catch (PgException stillUnknown) {
                throw unknownName;
            }
            throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "argument of %s must not contain variables", mode), firstColumnRef(e));
        }
        return expressions.coercer().coerce(value, TypeOids.INT8, -1, TypeCoercion.Context.ASSIGNMENT,
                ExpressionAnalyzer.location(e));
    }

    /** The location of the first column reference inside a syntax tree, -1 without one. */
    private static int firstColumnRef(Object node) {
        if (node instanceof org.lakepg.server.sql.ast.ColumnRef c) {
            return c.location();
        }
        if (node instanceof List<?> list) {
            for (Object o : list) {
                int at = firstColumnRef(o);
                if (at >= 0) {
                    return at;
                }
            }
        } else if (node instanceof Record r) {
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    int at = firstColumnRef(component.getAccessor().invoke(r));
                    if (at >= 0) {
                        return at;
                    }
                } catch (ReflectiveOperationException unreadable) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
