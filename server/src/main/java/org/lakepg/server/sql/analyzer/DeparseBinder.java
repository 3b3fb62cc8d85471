package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.AggRef;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * What the query deparser (sql.deparse) needs of the analyzer: the FROM items of one query level to resolve names
 * against (enclosing levels behind them, for correlated subqueries and LATERAL), expressions bound over them, and
 * an aggregate call's arguments as its function receives them (implicit casts included).
 */
public final class DeparseBinder {
    private final AnalyzerCatalog catalog;
    private final ExpressionAnalyzer analyzer;
    private final FromScope items;
    /** The items, with every column reference they resolve named {@link #key}: levels may reuse an alias. */
    private final Scope scope;
    private final String prefix;
    private final int[] levels;

    public DeparseBinder(AnalyzerCatalog catalog, TypeIO io, FunctionContext context) {
        this(catalog, deparsing(new ExpressionAnalyzer(catalog, io, context, new ParameterTypes(new int[0]), notice -> { })),
                null, new int[1]);
    }

    private static ExpressionAnalyzer deparsing(ExpressionAnalyzer analyzer) {
        analyzer.forDeparser();
        return analyzer;
    }

    private DeparseBinder(AnalyzerCatalog catalog, ExpressionAnalyzer analyzer, Scope outer, int[] levels) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.items = new FromScope(outer);
        this.levels = levels;
        this.prefix = (levels[0]++) + ":";
        this.scope = new Scope() {
            @Override
            public Optional<BoundExpr> column(List<String> fields, int location) {
                return items.column(fields, location).map(e -> e instanceof InputRef r && !r.name().contains(":")
                        ? new InputRef(r.index(), r.type(), r.typmod(), prefix + r.name()) : e);
            }

            @Override
            public Optional<List<java.util.Map.Entry<String, BoundExpr>>> outerStar(String alias) {
                return items.outerStar(alias);
            }

            @Override
            public void forEachItem(java.util.function.BiConsumer<String, List<String>> visit) {
                items.forEachItem(visit);
            }
        };
    }

    /** A binder for a query nested in this one's (a subquery sees this level's items). */
    public DeparseBinder nested() {
        return new DeparseBinder(catalog, analyzer, scope, levels);
    }

    /** The name a bound reference to an item's column carries (unique across the levels of one deparse). */
    public String key(String alias, String column) {
        return prefix + alias + "." + column;
    }

    public AnalyzerCatalog catalog() {
        return catalog;
    }

    /**
     * Adds a FROM item: its columns are then known as {@code alias.column}, the name every bound column reference
     * carries.
     */
    public void addItem(String alias, List<String> names, List<long[]> typeAndTypmod, long tableOid) {
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long[] t = typeAndTypmod.get(i);
            columns.add(new OutputColumn(names.get(i), t[0], (int) t[1], tableOid, (short) (i + 1)));
        }
        FromScope item = new FromScope();
        if (tableOid != 0) {
            item.addTable(alias, columns, tableOid, catalog.tableByOid(tableOid).map(t -> t.typeOid()).orElse(tableOid),
                    false);
        } else {
            item.add(alias, columns);
        }
        items.addAll(item);
    }

    /** Hides columns of the named items from unqualified references (the right side of a USING join). */
    public void hide(java.util.Collection<String> refnames, java.util.Set<String> names) {
        var entries = items.entries();
        for (int i = 0; i < entries.size(); i++) {
            FromScope.Entry e = entries.get(i);
            if (refnames.contains(e.alias())) {
                java.util.Set<String> hidden = new java.util.HashSet<>(e.hidden());
                hidden.addAll(names);
                entries.set(i, e.hiding(hidden));
            }
        }
    }

    /** An expression without aggregates, window calls or subqueries, bound over the items. */
    public BoundExpr bind(Expr e) {
        return analyzer.analyzeWithoutAggregates(e, scope, "view queries");
    }

    /** The arguments an aggregate call passes (direct ones first), coerced to its parameter types; empty if unknown. */
    public Optional<List<BoundExpr>> aggregateArguments(FuncCall f) {
        FuncCall plain = new FuncCall(f.funcname(), f.args(), f.aggWithinGroup() ? f.aggOrder() : List.of(), null, null,
                f.aggWithinGroup(), f.aggStar(), false, f.funcVariadic(), f.funcformat(), f.location());
        AggregateCollector collector = new AggregateCollector();
        try {
            BoundExpr bound = analyzer.analyzeWithAggregates(plain, scope, collector);
            if (!(bound instanceof AggRef ref)) {
                return Optional.empty();
            }
            var call = collector.calls().get(ref.index());
            return Optional.of(call.arguments().subList(0, Math.min(call.arguments().size(),
                    f.args().size() + (f.aggWithinGroup() ? f.aggOrder().size() : 0))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The result type of an aggregate or window call (without its OVER), or 0 when it does not bind. */
    public long callType(FuncCall f) {
        FuncCall plain = new FuncCall(f.funcname(), f.args(), f.aggWithinGroup() ? f.aggOrder() : List.of(), null,
                null, f.aggWithinGroup(), f.aggStar(), false, f.funcVariadic(), f.funcformat(), f.location());
        try {
            return analyzer.analyzeWithAggregates(plain, scope, new AggregateCollector()).type();
        } catch (RuntimeException e) {
            WindowCollector windows = new WindowCollector(List.of());
            WindowCollector outer = analyzer.windows(windows);
            try {
                FuncCall over = new FuncCall(f.funcname(), f.args(), List.of(), null,
                        new org.lakepg.server.sql.ast.WindowDef(null, null, List.of(), List.of(), 0, null, null, -1),
                        false, f.aggStar(), false, f.funcVariadic(), f.funcformat(), f.location());
                return analyzer.analyzeWithAggregates(over, scope, new AggregateCollector()).type();
            } catch (RuntimeException again) {
                return 0;
            } finally {
                analyzer.windows(outer);
            }
        }
    }

    /** Whether a function name names an aggregate or window function (its calls are printed by the deparser). */
    public boolean aggregateOrWindow(List<String> name) {
        try {
            return catalog.functions(name).stream().anyMatch(p -> p.kind() == ProcEntry.KIND_AGGREGATE
                    || p.kind() == ProcEntry.KIND_WINDOW);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An expression coerced implicitly to a type (a VALUES column to the column's common type). */
    public BoundExpr coerce(BoundExpr e, long type) {
        return analyzer.coercer().coerce(e, type, -1, TypeCoercion.Context.IMPLICIT, -1);
    }

    /** The type VALUES rows and set operations resolve a column to (PostgreSQL's select_common_type). */
    public long commonType(List<BoundExpr> values) {
        try {
            return new CommonType(analyzer.coercer().rules()).select(values.stream().map(BoundExpr::type).toList(), "VALUES");
        } catch (RuntimeException e) {
            return values.get(0).type();
        }
    }

    public long arrayTypeOf(long element) {
        return analyzer.coercer().rules().arrayTypeOf(element);
    }
}
