package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.Indirection;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubscriptAssignExpr;
import org.lakepg.server.sql.plan.expr.SubscriptExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The new value of a column assigned through indirection, {@code c[1].f = v} (PostgreSQL's
 * transformAssignmentIndirection): each step replaces one part of the value before it, so the result is the whole
 * column's value with only that part changed. Steps apply to the column's current value (UPDATE; an earlier
 * assignment to the same column in the same statement) or to a NULL (INSERT).
 */
final class AssignmentIndirection {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;
    private final Scope scope;

    /** @param scope where the subscripts' expressions find their columns */
    AssignmentIndirection(ExpressionAnalyzer expressions, AnalyzerCatalog catalog, Scope scope) {
        this.expressions = expressions;
        this.catalog = catalog;
        this.scope = scope;
    }

    /** PostgreSQL's refusal of DEFAULT as the value of an indirected target, named after its first step. */
    static PgException defaultRefused(List<Indirection> indirection, int location) {
        return Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, indirection.get(0) instanceof AIndices
                ? "cannot set an array element to DEFAULT" : "cannot set a subfield to DEFAULT"), location);
    }

    /**
     * The column's value with the part the indirection names replaced, before any domain of the column checks it
     * (several assignments to one column are checked once, on the last: {@link #checked}).
     *
     * @param current  the column's value the steps change, as {@link #assign} gave it (or the stored value)
     * @param column   the column's name, for messages
     * @param value    the assigned value, not yet coerced
     * @param location the target's position in the statement
     * @param valueLocation the value's position (for errors reading a literal), -1 unknown
     */
    BoundExpr assign(BoundExpr current, String column, List<Indirection> indirection, BoundExpr value, int location,
                     int valueLocation) {
        long base = expressions.coercer().rules().baseType(current.type());
        BoundExpr raw = base == current.type() ? current : new RelabelType(current, base, current.typmod());
        return step(raw, base, current.typmod(), column, false, AssignmentPath.of(indirection), value,
                location, valueLocation);
    }

    /** An assigned column value checked by the column's domain, if its type is one. */
    BoundExpr checked(BoundExpr assigned, long columnType, int typmod) {
        return assigned.type() == columnType ? assigned
                : expressions.coercer().coerce(assigned, columnType, typmod, TypeCoercion.Context.ASSIGNMENT, -1);
    }

    /** The value of type {@code type} that {@code base} becomes once {@code steps} take {@code value}. */
    private BoundExpr step(BoundExpr base, long type, int typmod, String target, boolean subscripted,
                           List<AssignmentPath> steps, BoundExpr value, int location, int valueLocation) {
        if (steps.isEmpty()) {
            return expressions.coercer().tryCoerce(value, type, typmod, TypeCoercion.Context.ASSIGNMENT, valueLocation)
                    .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, subscripted
                                    ? "subscripted assignment to \"%s\" requires type %s but expression is of type %s"
                                    : "subfield \"%s\" is of type %s but expression is of type %s", target,
                            TypeNames.format(catalog, type), TypeNames.format(catalog, value.type()))
                            .withHint("You will need to rewrite or cast the expression."), location));
        }
        AssignmentPath first = steps.get(0);
        List<AssignmentPath> rest = steps.subList(1, steps.size());
        return switch (first) {
            case AssignmentPath.Field f -> field(base, type, target, f.name(), rest, value, location, valueLocation);
            case AssignmentPath.Element e -> subscripts(base, type, typmod, target, e.subscripts().stream()
                    .map(s -> new AIndices(false, null, s)).toList(), false, rest, value, location, valueLocation);
            case AssignmentPath.Slice s -> subscripts(base, type, typmod, target, s.bounds(), true, rest, value,
                    location, valueLocation);
        };
    }

    /** {@code .name = v}: a new row of the base's type, the named field replaced and the others copied. */
    private BoundExpr field(BoundExpr base, long type, String target, String name, List<AssignmentPath> rest,
                            BoundExpr value, int location, int valueLocation) {
        var attributes = RowExpressions.attributes(catalog, type).orElseThrow(() -> Coercer.at(PgException.of(
                SqlState.DATATYPE_MISMATCH, "cannot assign to field \"%s\" of column \"%s\" because its type %s is not a "
                        + "composite type", name, target, TypeNames.format(catalog, type)), location));
        if (attributes.stream().noneMatch(a -> a.name().equals(name))) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN,
                    "cannot assign to field \"%s\" of column \"%s\" because there is no such column in data type %s",
                    name, target, TypeNames.format(catalog, type)), location);
        }
        List<BoundExpr> fields = new ArrayList<>();
        for (var a : attributes) {
            BoundExpr old = RowExpressions.field(base, a.name(), location, catalog);
            fields.add(a.name().equals(name)
                    ? step(old, a.type(), a.typmod(), name, false, rest, value, location, valueLocation) : old);
        }
        long composite = expressions.coercer().rules().baseType(type);
        BoundExpr row = RowExpressions.constructor(fields, composite);
        // a domain over the composite type checks the new row
        return composite == type ? row
                : expressions.coercer().coerce(row, type, -1, TypeCoercion.Context.ASSIGNMENT, location);
    }

    /** {@code [i][j] = v} or {@code [l:u] = v}: the container with that element or slice replaced. */
    private BoundExpr subscripts(BoundExpr base, long type, int typmod, String target, List<AIndices> indices,
                                 boolean slice, List<AssignmentPath> rest, BoundExpr value, int location,
                                 int valueLocation) {
        long container = expressions.coercer().rules().baseType(type);
        if (container == TypeOids.JSONB) {
            return jsonb(base, type, target, indices, slice, rest, value, location, valueLocation);
        }
        long element = container == TypeOids.UNKNOWN ? 0
                : catalog.type(container).map(t -> t.elementType()).orElse(0L);
        if (element == 0) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH,
                    "cannot subscript type %s because it does not support subscripting", TypeNames.format(catalog, type));
        }
        if (indices.size() > org.lakepg.wire.types.PgArray.MAX_DIMENSIONS) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (%d) exceeds the maximum allowed (%d)", indices.size(),
                    org.lakepg.wire.types.PgArray.MAX_DIMENSIONS);
        }
        BoundExpr array = container == type ? base : new RelabelType(base, container, typmod);
        List<BoundExpr> lower = new ArrayList<>();
        List<BoundExpr> upper = new ArrayList<>();
        for (AIndices i : indices) {
            if (slice) {
                lower.add(i.isSlice() ? i.lidx() == null ? null : integer(i.lidx()) : new Const(TypeOids.INT4, -1, 1));
            } else {
                lower.add(null);
            }
            upper.add(i.uidx() == null ? null : integer(i.uidx()));
        }
        long part = slice ? container : element;
        // what the rest of the steps change is the element or slice there now
        BoundExpr old = rest.isEmpty() ? null : new SubscriptExpr(array, lower, upper, slice, part);
        BoundExpr replacement = step(old, part, typmod, target, true, rest, value, location, valueLocation);
        BoundExpr assigned = new SubscriptAssignExpr(array, lower, upper, slice, replacement);
        // a domain over the array checks the new array
        return container == type ? assigned
                : expressions.coercer().coerce(assigned, type, typmod, TypeCoercion.Context.ASSIGNMENT, location);
    }

    /**
     * {@code j['a'][0] = v} on jsonb (PostgreSQL's jsonb_subscript_transform): subscripts become int4 or text, no
     * slices, the value becomes jsonb. The executor hands such assignments to the jsonb code.
     */
    private BoundExpr jsonb(BoundExpr base, long type, String target, List<AIndices> indices, boolean slice,
                            List<AssignmentPath> rest, BoundExpr value, int location, int valueLocation) {
        if (slice) {
            AIndices first = indices.stream().filter(AIndices::isSlice).findFirst().orElseThrow();
            Expr at = first.lidx() != null ? first.lidx() : first.uidx();
            throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "jsonb subscript does not support slices"),
                    at == null ? location : ExpressionAnalyzer.location(at));
        }
        List<BoundExpr> lower = new ArrayList<>();
        List<BoundExpr> upper = new ArrayList<>();
        for (AIndices i : indices) {
            lower.add(null);
            upper.add(jsonbSubscript(i.uidx()));
        }
        BoundExpr container = type == TypeOids.JSONB ? base : new RelabelType(base, TypeOids.JSONB, -1);
        BoundExpr old = rest.isEmpty() ? null : new SubscriptExpr(container, lower, upper, false, TypeOids.JSONB);
        BoundExpr replacement = step(old, TypeOids.JSONB, -1, target, true, rest, value, location, valueLocation);
        BoundExpr assigned = new SubscriptAssignExpr(container, lower, upper, false, replacement);
        return type == TypeOids.JSONB ? assigned
                : expressions.coercer().coerce(assigned, type, -1, TypeCoercion.Context.ASSIGNMENT, location);
    }

    /** A jsonb subscript: text when unknown, else whichever one of int4 and text it implicitly converts to. */
    private BoundExpr jsonbSubscript(Expr e) {
        BoundExpr value = expressions.analyze(e, scope);
        int at = ExpressionAnalyzer.location(e);
        if (value.type() == TypeOids.UNKNOWN) {
            return expressions.coercer().coerce(value, TypeOids.TEXT, -1, TypeCoercion.Context.IMPLICIT, at);
        }
        long chosen = 0;
        for (long candidate : new long[] {TypeOids.INT4, TypeOids.TEXT}) {
            if (expressions.coercer().rules().canCoerce(value.type(), candidate, TypeCoercion.Context.IMPLICIT)) {
                if (chosen != 0) {
                    throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "subscript type %s is not supported",
                            TypeNames.format(catalog, value.type()))
                            .withHint("jsonb subscript must be coercible to only one type, integer or text."), at);
                }
                chosen = candidate;
            }
        }
        if (chosen == 0) {
            throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "subscript type %s is not supported",
                    TypeNames.format(catalog, value.type()))
                    .withHint("jsonb subscript must be coercible to either integer or text."), at);
        }
        return expressions.coercer().coerce(value, chosen, -1, TypeCoercion.Context.IMPLICIT, at);
    }

    private BoundExpr integer(Expr e) {
        BoundExpr value = expressions.analyze(e, scope);
        int location = ExpressionAnalyzer.location(e);
        return expressions.coercer().tryCoerce(value, TypeOids.INT4, -1, TypeCoercion.Context.ASSIGNMENT, location)
                .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "array subscript must have type integer"), location));
    }
}
