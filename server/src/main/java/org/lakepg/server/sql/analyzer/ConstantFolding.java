package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserTypes;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.wire.error.PgException;

/**
 * PostgreSQL's eval_const_expressions for a query's conditions and output expressions: an immutable built-in
 * function or operator of constants is evaluated while planning (so {@code 1/0} fails then, as in PostgreSQL), a
 * strict one of a NULL constant is NULL, AND/OR/NOT, CASE, COALESCE and IS NULL of constants are simplified. CASE
 * arms behind a constant-false condition, and everything after a constant-true one, are dropped unevaluated, as
 * AND and OR stop at a constant that decides them. Stable and volatile calls, parameters and subqueries stay.
 * A statement that is only analyzed (PREPARE, CREATE VIEW, CREATE TABLE AS before its existence check) is not
 * planned by PostgreSQL: there an evaluation error is handed to {@code deferred} and the call stays unfolded.
 */
final class ConstantFolding {
    private final TypeIO io;
    private final FunctionContext context;
    private final java.util.function.Consumer<PgException> deferred;

    /** @param deferred takes an evaluation error instead of it being thrown, or null to throw it */
    ConstantFolding(TypeIO io, FunctionContext context, java.util.function.Consumer<PgException> deferred) {
        this.io = io;
        this.context = context;
        this.deferred = deferred;
    }

    BoundExpr fold(BoundExpr e) {
        if (context == null || e == null) {
            return e;
        }
        return switch (e) {
            case FuncExpr f -> call(f);
            case BoolExpr b -> bool(b);
            case CaseExpr c -> caseExpr(c);
            case CoalesceExpr c -> coalesce(c);
            case NullTest t -> {
                BoundExpr argument = fold(t.argument());
                if (argument instanceof Const c && (c.isNull() || scalar(c))) {
                    yield new Const(TypeOids.BOOL, -1, c.isNull() != t.negated());
                }
                yield argument == t.argument() ? t : new NullTest(argument, t.negated());
            }
            case RelabelType r -> {
                BoundExpr argument = fold(r.argument());
                if (argument instanceof Const) {
                    // binary-compatible types may still differ in their Java values (int4 and oid): evaluated
                    yield evaluated(new RelabelType(argument, r.type(), r.typmod()));
                }
                yield argument == r.argument() ? r : new RelabelType(argument, r.type(), r.typmod());
            }
            default -> e;
        };
    }

    /** A record or array constant's IS NULL looks at its elements: left to run time. */
    private static boolean scalar(Const c) {
        return !(c.value() instanceof Object[]) && c.type() != TypeOids.RECORD;
    }

    private BoundExpr call(FuncExpr f) {
        List<BoundExpr> arguments = new ArrayList<>();
        boolean changed = false;
        for (BoundExpr a : f.arguments()) {
            BoundExpr folded = fold(a);
            changed |= folded != a;
            arguments.add(folded);
        }
        FuncExpr call = !changed ? f : new FuncExpr(f.function(), f.name(), f.source(), f.form(), arguments, f.strict(),
                f.volatility(), f.type(), f.typmod());
        if (f.volatility() != 'i' || f.function() <= 0 || f.function() >= UserTypes.FIRST_USER_OID
                || !arguments.stream().allMatch(a -> a instanceof Const)) {
            return call;
        }
        if (f.strict() && arguments.stream().anyMatch(a -> ((Const) a).isNull())) {
            return new Const(f.type(), f.typmod(), null);
        }
        return evaluated(call);
    }

    private BoundExpr evaluated(BoundExpr e) {
        try {
            Object value = new ExprCompiler(FunctionRegistry.builtins(), io).compile(e)
                    .eval(new Object[0], new ExecContext(context, new Object[0]));
            return new Const(e.type(), e.typmod(), value);
        } catch (PgException error) {
            if (error.sqlState() == org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED) {
                return e; // needs what only the running statement has (a domain's check reads the catalog)
            }
            if (deferred != null) {
                deferred.accept(error); // raised when the statement is planned, not while it is only analyzed
                return e;
            }
            throw error; // PostgreSQL evaluates it while planning and fails there too
        } catch (RuntimeException notEvaluableNow) {
            return e; // something only the running statement can evaluate
        }
    }

    private BoundExpr bool(BoolExpr b) {
        if (b.kind() == BoolExpr.Kind.NOT) {
            BoundExpr argument = fold(b.arguments().get(0));
            if (argument instanceof Const c) {
                return new Const(TypeOids.BOOL, -1, c.isNull() ? null : !Boolean.TRUE.equals(c.value()));
            }
            return argument == b.arguments().get(0) ? b : new BoolExpr(BoolExpr.Kind.NOT, List.of(argument));
        }
        boolean and = b.kind() == BoolExpr.Kind.AND;
        List<BoundExpr> kept = new ArrayList<>();
        boolean sawNull = false;
        for (BoundExpr a : b.arguments()) {
            BoundExpr folded = fold(a);
            if (folded instanceof Const c) {
                if (c.isNull()) {
                    sawNull = true;
                } else if (Boolean.TRUE.equals(c.value()) != and) {
                    return new Const(TypeOids.BOOL, -1, !and); // false decides an AND, true an OR
                }
                continue; // true in an AND, false in an OR: no say
            }
            kept.add(folded);
        }
        if (sawNull) {
            kept.add(new Const(TypeOids.BOOL, -1, null));
        }
        if (kept.isEmpty()) {
            return new Const(TypeOids.BOOL, -1, and);
        }
        return kept.size() == 1 ? kept.get(0) : new BoolExpr(b.kind(), kept);
    }

    private BoundExpr caseExpr(CaseExpr c) {
        List<CaseExpr.When> whens = new ArrayList<>();
        for (CaseExpr.When w : c.whens()) {
            BoundExpr condition = fold(w.condition());
            if (condition instanceof Const k && !Boolean.TRUE.equals(k.value())) {
                continue; // never chosen: its result is not evaluated
            }
            if (condition instanceof Const) {
                BoundExpr result = fold(w.result());
                if (whens.isEmpty()) {
                    return result;
                }
                return new CaseExpr(whens, result, c.type(), c.typmod(), subject(c)); // what follows is never reached
            }
            whens.add(new CaseExpr.When(condition, fold(w.result())));
        }
        BoundExpr otherwise = fold(c.otherwise());
        return whens.isEmpty() ? otherwise : new CaseExpr(whens, otherwise, c.type(), c.typmod(), subject(c));
    }

    /** A simple CASE's subject, folded as its tests' left sides are (it only decides how the CASE prints). */
    private BoundExpr subject(CaseExpr c) {
        return c.subject() == null ? null : fold(c.subject());
    }

    private BoundExpr coalesce(CoalesceExpr c) {
        List<BoundExpr> kept = new ArrayList<>();
        for (BoundExpr a : c.arguments()) {
            BoundExpr folded = fold(a);
            if (folded instanceof Const k && k.isNull()) {
                continue;
            }
            kept.add(folded);
            if (folded instanceof Const) {
                break; // a non-null constant: the later arguments are never reached
            }
        }
        if (kept.isEmpty()) {
            return new Const(c.type(), c.typmod(), null);
        }
        return kept.size() == 1 && kept.get(0) instanceof Const k ? new Const(c.type(), c.typmod(), k.value())
                : new CoalesceExpr(kept, c.type(), c.typmod());
    }
}
