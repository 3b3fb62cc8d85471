package org.lakepg.server.exec.expr;

import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
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
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Turns an analyzed expression into a tree of closures, resolving every function to its code once,
 * so evaluation does no lookups. SQL's NULL rules live here: strict functions are not called
 * with NULLs, AND/OR use three-valued logic, CASE and COALESCE evaluate lazily.
 */
public final class ExprCompiler {
    private final FunctionRegistry functions;
    private final TypeIO io;

    public ExprCompiler(FunctionRegistry functions, TypeIO io) {
        this.functions = functions;
        this.io = io;
    }

    public CompiledExpr compile(BoundExpr expr) {
        return switch (expr) {
            case Const c -> {
                Object value = c.value();
                yield (row, ctx) -> value;
            }
            case ParamRef p -> {
                int n = p.number();
                yield (row, ctx) -> ctx.parameter(n);
            }
            case InputRef in -> {
                int i = in.index();
                yield (row, ctx) -> row[i];
            }
            case FuncExpr f -> function(f);
            case BoolExpr b -> bool(b);
            case NullTest t -> {
                CompiledExpr arg = compile(t.argument());
                boolean negated = t.negated();
                yield (row, ctx) -> (arg.eval(row, ctx) == null) != negated;
            }
            case CaseExpr c -> caseExpr(c);
            case CoalesceExpr c -> {
                CompiledExpr[] args = compileAll(c.arguments());
                yield (row, ctx) -> {
                    for (CompiledExpr a : args) {
                        Object v = a.eval(row, ctx);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> minMax(m);
            case RelabelType r -> OidRelabel.wrap(compile(r.argument()), r.argument().type(), r.type());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> {
                CompiledExpr array = compile(a.argument());
                CompiledExpr element = compile(a.elementCast());
                int elementOid = (int) a.elementCast().type();
                yield (row, ctx) -> {
                    var v = (org.lakepg.wire.types.PgArray) array.eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    Object[] out = new Object[v.elements().length];
                    Object[] one = new Object[1];
                    for (int i = 0; i < out.length; i++) {
                        one[0] = v.elements()[i];
                        out[i] = element.eval(one, ctx);
                    }
                    return new org.lakepg.wire.types.PgArray(elementOid, v.dims(), v.lowerBounds(), out);
                };
            }
            case CoerceViaIO c -> {
                CompiledExpr arg = compile(c.argument());
                long from = c.argument().type();
                long to = c.type();
                int typmod = c.typmod();
                yield (row, ctx) -> {
                    Object v = arg.eval(row, ctx);
                    return v == null ? null : io.input(to, typmod, io.output(from, v, ctx), ctx);
                };
            }
            case ArrayExpr a when !a.elements().isEmpty() && a.elements().get(0).type() == a.type() -> {
                CompiledExpr[] rows = compileAll(a.elements());
                int elementOid = (int) a.elementType();
                yield (row, ctx) -> {
                    org.lakepg.wire.types.PgArray[] parts = new org.lakepg.wire.types.PgArray[rows.length];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = (org.lakepg.wire.types.PgArray) rows[i].eval(row, ctx);
                    }
                    return Subscripts.stack(elementOid, parts);
                };
            }
            case ArrayExpr a -> {
                CompiledExpr[] elements = compileAll(a.elements());
                int elementOid = (int) a.elementType();
                yield (row, ctx) -> {
                    Object[] values = new Object[elements.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = elements[i].eval(row, ctx);
                    }
                    return org.lakepg.wire.types.PgArray.of(elementOid, values);
                };
            }
            case org.lakepg.server.sql.plan.expr.SubqueryExpr q -> subquery(q);
            case org.lakepg.server.sql.plan.expr.OuterParam p -> {
                int id = p.id();
                yield (row, ctx) -> ctx.outerParam(id);
            }
            case org.lakepg.server.sql.plan.expr.SubscriptExpr x -> subscript(x);
            case org.lakepg.server.sql.plan.expr.SubscriptAssignExpr x -> SubscriptAssignments.compile(x, this::compile);
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x -> {
                CompiledExpr left = compile(x.left());
                CompiledExpr array = compile(x.array());
                CompiledExpr comparison = compile(x.comparison());
                boolean any = x.any();
                yield (row, ctx) -> {
                    Object l = left.eval(row, ctx);
                    Object a = array.eval(row, ctx);
                    if (a == null) {
                        return null;
                    }
                    boolean sawNull = false;
                    for (Object element : ((org.lakepg.wire.types.PgArray) a).elements()) {
                        Object result = comparison.eval(new Object[] {l, element}, ctx);
                        if (result == null) {
                            sawNull = true;
                        } else if ((Boolean) result == any) {
                            return any;
                        }
                    }
                    return sawNull ? null : !any;
                };
            }
            case org.lakepg.server.sql.plan.expr.WindowRef w ->
                    throw new IllegalStateException("window function reference outside a window node");
            case org.lakepg.server.sql.plan.expr.AggRef a ->
                    throw new IllegalStateException("aggregate reference outside an aggregate node");
        };
    }

    private CompiledExpr minMax(org.lakepg.server.sql.plan.expr.MinMaxExpr m) {
        ScalarFunction compare = functions.lookup(m.comparisonSource()).orElseThrow(() -> PgException.of(
                SqlState.FEATURE_NOT_SUPPORTED, "function %s is not implemented in lakepg yet", m.comparisonSource()));
        CompiledExpr[] args = compileAll(m.arguments());
        int sign = m.op() == org.lakepg.server.sql.plan.expr.MinMaxExpr.Op.GREATEST ? 1 : -1;
        return (row, ctx) -> {
            Object best = null;
            for (CompiledExpr a : args) {
                Object v = a.eval(row, ctx);
                if (v != null && (best == null || sign * (Integer) compare.apply(new Object[] {v, best}, ctx) > 0)) {
                    best = v;
                }
            }
            return best;
        };
    }

    /** The rows of a subquery for one evaluation: cached once per statement, or rerun with the row's correlations. */
    private interface SubplanRows {
        Iterator<Object[]> open(Object[] row, ExecContext ctx);
    }

    private SubplanRows subplanRows(org.lakepg.server.sql.plan.expr.SubqueryExpr q) {
        var plan = q.plan();
        if (!q.correlated()) {
            return (row, ctx) -> ctx.subplanRows(plan).iterator();
        }
        int[] ids = q.correlations().stream().mapToInt(org.lakepg.server.sql.plan.expr.Correlation::id).toArray();
        CompiledExpr[] values = compileAll(q.correlations().stream()
                .map(org.lakepg.server.sql.plan.expr.Correlation::value).toList());
        var dependents = org.lakepg.server.exec.ParamDependents.of(plan, ids);
        return (row, ctx) -> {
            Object[] evaluated = new Object[ids.length];
            for (int i = 0; i < ids.length; i++) {
                evaluated[i] = values[i].eval(row, ctx);
            }
            for (int i = 0; i < ids.length; i++) {
                ctx.setOuterParam(ids[i], evaluated[i]);
            }
            if (!dependents.isEmpty()) {
                ctx.resetCtes(dependents);
            }
            return ctx.runSubplan(plan);
        };
    }

    private CompiledExpr subquery(org.lakepg.server.sql.plan.expr.SubqueryExpr q) {
        CompiledExpr evaluation = evaluation(q);
        if (!q.correlated()) {
            return evaluation;
        }
        // a correlated subquery gives the same answer for the same outer values (and test value):
        // remember answers, as PostgreSQL's Memoize does, instead of rerunning the subplan per row
        CompiledExpr[] keys = compileAll(q.correlations().stream()
                .map(org.lakepg.server.sql.plan.expr.Correlation::value).toList());
        CompiledExpr test = q.test() == null ? null : compile(q.test());
        java.util.Map<java.util.List<Object>, Object> answers = new java.util.HashMap<>();
        Object nullAnswer = new Object();
        return (row, ctx) -> {
            Object[] key = new Object[keys.length + 1];
            for (int i = 0; i < keys.length; i++) {
                key[i] = keys[i].eval(row, ctx);
                if (key[i] instanceof byte[]) {
                    return evaluation.eval(row, ctx);
                }
            }
            if (test != null) {
                key[keys.length] = test.eval(row, ctx);
            }
            java.util.List<Object> k = java.util.Arrays.asList(key);
            Object known = answers.get(k);
            if (known != null) {
                return known == nullAnswer ? null : known;
            }
            Object answer = evaluation.eval(row, ctx);
            if (answers.size() < 100_000) {
                answers.put(k, answer == null ? nullAnswer : answer);
            }
            return answer;
        };
    }

    private CompiledExpr evaluation(org.lakepg.server.sql.plan.expr.SubqueryExpr q) {
        SubplanRows rows = subplanRows(q);
        return switch (q.kind()) {
            case EXISTS -> (row, ctx) -> rows.open(row, ctx).hasNext();
            case SCALAR -> (row, ctx) -> {
                Iterator<Object[]> it = rows.open(row, ctx);
                if (!it.hasNext()) {
                    return null;
                }
                Object value = it.next()[0];
                if (it.hasNext()) {
                    throw PgException.of(SqlState.CARDINALITY_VIOLATION,
                            "more than one row returned by a subquery used as an expression");
                }
                return value;
            };
            case ARRAY -> {
                int elementOid = (int) q.comparison().type();
                yield (row, ctx) -> {
                    List<Object> values = new java.util.ArrayList<>();
                    rows.open(row, ctx).forEachRemaining(r -> values.add(r[0]));
                    return Subscripts.accumulate(elementOid, values);
                };
            }
            case ANY, ALL -> {
                CompiledExpr test = compile(q.test());
                CompiledExpr comparison = compile(q.comparison());
                boolean any = q.kind() == org.lakepg.server.sql.plan.expr.SubqueryExpr.Kind.ANY;
                yield (row, ctx) -> {
                    Object left = test.eval(row, ctx);
                    boolean sawNull = false;
                    Iterator<Object[]> it = rows.open(row, ctx);
                    while (it.hasNext()) {
                        Object result = comparison.eval(new Object[] {left, it.next()[0]}, ctx);
                        if (result == null) {
                            sawNull = true;
                        } else if ((Boolean) result == any) {
                            return any;
                        }
                    }
                    return sawNull ? null : !any;
                };
            }
        };
    }

    private CompiledExpr subscript(org.lakepg.server.sql.plan.expr.SubscriptExpr x) {
        CompiledExpr array = compile(x.array());
        int n = x.upper().size();
        CompiledExpr[] lower = new CompiledExpr[n];
        CompiledExpr[] upper = new CompiledExpr[n];
        for (int i = 0; i < n; i++) {
            lower[i] = x.lower().get(i) == null ? null : compile(x.lower().get(i));
            upper[i] = x.upper().get(i) == null ? null : compile(x.upper().get(i));
        }
        if (!x.slice()) {
            return (row, ctx) -> {
                Object a = array.eval(row, ctx);
                if (a == null) {
                    return null;
                }
                int[] subscripts = new int[n];
                for (int i = 0; i < n; i++) {
                    Object v = upper[i].eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    subscripts[i] = (Integer) v;
                }
                return Subscripts.element(a, subscripts);
            };
        }
        return (row, ctx) -> {
            Object a = array.eval(row, ctx);
            if (a == null) {
                return null;
            }
            Integer[] lo = new Integer[n];
            Integer[] hi = new Integer[n];
            for (int i = 0; i < n; i++) {
                if (lower[i] != null && (lo[i] = (Integer) lower[i].eval(row, ctx)) == null) {
                    return null;
                }
                if (upper[i] != null && (hi[i] = (Integer) upper[i].eval(row, ctx)) == null) {
                    return null;
                }
            }
            return Subscripts.slice(a, lo, hi);
        };
    }

    private CompiledExpr[] compileAll(List<BoundExpr> exprs) {
        CompiledExpr[] out = new CompiledExpr[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(exprs.get(i));
        }
        return out;
    }

    private CompiledExpr function(FuncExpr f) {
        // SQL-language built-ins that cannot be inlined (a body with FROM) have Java code under their name
        String source = f.source() == null || f.source().isEmpty() ? f.name() : f.source();
        ScalarFunction found = functions.lookup(source).orElseThrow(() -> PgException.of(
                SqlState.FEATURE_NOT_SUPPORTED, "function %s is not implemented in lakepg yet", f.name()));
        // functions taking "any" need the actual argument types to print or convert their values
        ScalarFunction typedCode = found instanceof org.lakepg.server.function.scalar.ArgumentTypeAware typed
                ? typed.withArgumentTypes(f.arguments().stream().mapToLong(BoundExpr::type).toArray()) : found;
        // a record whose type names its fields (a FROM item's row) carries the names in its value
        java.util.List<String> recordNames = org.lakepg.server.function.scalar.RowFunctions.ROW.equals(source)
                ? org.lakepg.server.catalog.types.RecordNames.names(f.typmod()) : null;
        ScalarFunction code = recordNames == null ? typedCode : (a, c) ->
                ((org.lakepg.server.catalog.types.RowValue) typedCode.apply(a, c)).withNames(recordNames);
        CompiledExpr[] args = compileAll(f.arguments());
        boolean strict = f.strict();
        return switch (args.length) {
            case 1 -> {
                CompiledExpr a0 = args[0];
                yield (row, ctx) -> {
                    Object v0 = a0.eval(row, ctx);
                    return strict && v0 == null ? null : code.apply(new Object[] {v0}, ctx);
                };
            }
            case 2 -> {
                CompiledExpr a0 = args[0];
                CompiledExpr a1 = args[1];
                yield (row, ctx) -> {
                    Object v0 = a0.eval(row, ctx);
                    Object v1 = a1.eval(row, ctx);
                    return strict && (v0 == null || v1 == null) ? null : code.apply(new Object[] {v0, v1}, ctx);
                };
            }
            default -> (row, ctx) -> {
                Object[] values = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].eval(row, ctx);
                    if (strict && values[i] == null) {
                        return null;
                    }
                }
                return code.apply(values, ctx);
            };
        };
    }

    private CompiledExpr bool(BoolExpr b) {
        CompiledExpr[] args = compileAll(b.arguments());
        return switch (b.kind()) {
            case NOT -> (row, ctx) -> {
                Object v = args[0].eval(row, ctx);
                return v == null ? null : !(Boolean) v;
            };
            case AND -> (row, ctx) -> {
                boolean sawNull = false;
                for (CompiledExpr a : args) {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        sawNull = true;
                    } else if (!(Boolean) v) {
                        return false;
                    }
                }
                return sawNull ? null : true;
            };
            case OR -> (row, ctx) -> {
                boolean sawNull = false;
                for (CompiledExpr a : args) {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        sawNull = true;
                    } else if ((Boolean) v) {
                        return true;
                    }
                }
                return sawNull ? null : false;
            };
        };
    }

    private CompiledExpr caseExpr(CaseExpr c) {
        int n = c.whens().size();
        CompiledExpr[] conditions = new CompiledExpr[n];
        CompiledExpr[] results = new CompiledExpr[n];
        for (int i = 0; i < n; i++) {
            conditions[i] = compile(c.whens().get(i).condition());
            results[i] = compile(c.whens().get(i).result());
        }
        CompiledExpr otherwise = compile(c.otherwise());
        return (row, ctx) -> {
            for (int i = 0; i < n; i++) {
                if (Boolean.TRUE.equals(conditions[i].eval(row, ctx))) {
                    return results[i].eval(row, ctx);
                }
            }
            return otherwise.eval(row, ctx);
        };
    }
}
