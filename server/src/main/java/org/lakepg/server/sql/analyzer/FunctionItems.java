package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.RangeFunctionItem;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Functions in FROM (PostgreSQL's transformRangeFunction): each call analyzed, its columns named
 * by its OUT parameters or after the function (or the alias, for a lone scalar function), the
 * ordinality column added, and {@code unnest(a, b, ...)} spread into ROWS FROM(unnest(a), unnest(b), ...).
 */
final class FunctionItems {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;

    FunctionItems(ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.catalog = catalog;
    }

    record Analyzed(FunctionScanNode plan, String alias, List<OutputColumn> columns) {}

    Analyzed analyze(RangeFunction f, Scope scope) {
        List<RangeFunctionItem> items = spreadUnnest(f);
        List<FunctionScanNode.Function> functions = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        boolean loneScalar = false;
        String firstName = null;
        for (RangeFunctionItem item : items) {
            List<org.lakepg.server.sql.ast.ColumnDef> coldefs = item.coldeflist() != null && !item.coldeflist().isEmpty()
                    ? item.coldeflist() : f.coldeflist() != null && !f.coldeflist().isEmpty() ? f.coldeflist() : null;
            Expr call = item.function();
            String name = call instanceof FuncCall fc ? fc.funcname().get(fc.funcname().size() - 1) : "?column?";
            if (firstName == null) {
                firstName = name;
            }
            BoundExpr e = expressions.analyzeWithoutAggregates(call, scope, "functions in FROM");
            if (RowExpressions.isConstructor(e)) {
                // an inlined SQL function's ROW(...): preprocess_function_rtes folds it to one constant
                e = expressions.foldConstants(e);
            }
            ProcEntry proc = e instanceof FuncExpr fe ? catalog.function(fe.function()).orElse(null) : null;
            boolean returnsSet = proc != null && proc.returnsSet();
            if (coldefs != null) {
                RecordColumns.Bound bound = new RecordColumns(expressions, catalog).bind(e, proc, coldefs);
                functions.add(new FunctionScanNode.Function(bound.call(), returnsSet, bound.columns().size(), true));
                columns.addAll(bound.columns());
                continue;
            }
            List<OutputColumn> out = proc == null ? List.of() : outColumns(proc, (FuncExpr) e);
            var rowColumns = out.isEmpty() ? RecordColumns.compositeColumns(catalog, e.type()) : null;
            if (rowColumns != null) {
                functions.add(new FunctionScanNode.Function(e, returnsSet, rowColumns.size(), true));
                columns.addAll(rowColumns);
                continue;
            }
            if (out.isEmpty()) {
                if (e.type() == TypeOids.RECORD) {
                    throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                            "a column definition list is required for functions returning \"record\""),
                            ExpressionAnalyzer.location(call));
                }
                out = List.of(OutputColumn.computed(name, e.type(), e.typmod()));
                loneScalar = items.size() == 1;
            }
            functions.add(new FunctionScanNode.Function(e, returnsSet, out.size()));
            columns.addAll(out);
        }
        String alias = f.alias() != null ? f.alias().aliasname() : firstName;
        if (loneScalar && f.alias() != null) {
            OutputColumn only = columns.get(0);
            columns.set(0, OutputColumn.computed(f.alias().aliasname(), only.type(), only.typmod()));
        }
        if (f.ordinality()) {
            columns.add(OutputColumn.computed("ordinality", TypeOids.INT8, -1));
        }
        columns = QueryAnalyzer.renamed(columns, f.alias() == null ? null : f.alias().colnames(), alias);
        return new Analyzed(new FunctionScanNode(functions, f.ordinality(), alias,
                columns.stream().map(OutputColumn::name).toList()), alias, columns);
    }

    /** The OUT (and INOUT, TABLE) parameters of a function returning a row; empty for a scalar result. */
    private static List<OutputColumn> outColumns(ProcEntry proc, FuncExpr call) {
        List<OutputColumn> out = new ArrayList<>();
        char[] modes = proc.argumentModes();
        if (modes == null) {
            return out;
        }
        long element = polymorphicElement(proc, call);
        for (int i = 0; i < modes.length; i++) {
            if (modes[i] == 'o' || modes[i] == 'b' || modes[i] == 't') {
                long type = proc.allArgumentTypes()[i];
                // polymorphic OUT parameters take the type the call's arguments fixed (_pg_expandarray's x)
                if (element != 0 && type == TypeOids.ANYELEMENT) {
                    type = element;
                } else if (element != 0 && type == TypeOids.ANYARRAY) {
                    long array = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().type(element)
                            .map(org.lakepg.server.catalog.TypeEntry::arrayType).orElse(0L);
                    type = array != 0 ? array : type;
                }
                String name = proc.argumentNames() == null || proc.argumentNames().get(i).isEmpty() ? "column" + (out.size() + 1)
                        : proc.argumentNames().get(i);
                out.add(OutputColumn.computed(name, type, -1));
            }
        }
        return out;
    }

    /** The element type an anyelement / anyarray input argument of the call fixes; 0 when none does. */
    private static long polymorphicElement(ProcEntry proc, FuncExpr call) {
        long[] declared = proc.argumentTypes();
        for (int i = 0; i < declared.length && i < call.arguments().size(); i++) {
            long actual = call.arguments().get(i).type();
            if (declared[i] == TypeOids.ANYELEMENT) {
                return actual;
            }
            if (declared[i] == TypeOids.ANYARRAY) {
                long element = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().type(actual)
                        .map(org.lakepg.server.catalog.TypeEntry::elementType).orElse(0L);
                if (element != 0) {
                    return element;
                }
            }
        }
        return 0;
    }

    /** unnest with several arguments in FROM is ROWS FROM of one unnest per argument, as in PostgreSQL. */
    private static List<RangeFunctionItem> spreadUnnest(RangeFunction f) {
        if (f.isRowsfrom() || f.functions().size() != 1
                || !(f.functions().get(0).function() instanceof FuncCall call)
                || call.args().size() < 2 || call.over() != null
                || !call.funcname().get(call.funcname().size() - 1).equals("unnest")
                || call.funcname().size() > 1 && !call.funcname().get(0).equals("pg_catalog")) {
            return f.functions();
        }
        List<RangeFunctionItem> spread = new ArrayList<>();
        for (Expr arg : call.args()) {
            spread.add(new RangeFunctionItem(new FuncCall(call.funcname(), List.of(arg), List.of(), null, null, false,
                    false, false, false, call.funcformat(), call.location()), List.of()));
        }
        return spread;
    }
}
