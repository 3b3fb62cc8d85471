package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Row values in expressions (parse_expr.c's transformRowExpr, make_row_comparison_op, ParseFuncOrColumn's field
 * selection): ROW(...) constructors, comparisons of two constructors field by field, IS [NOT] NULL of a
 * constructor, {@code (x).f} field selection and ROW(...)::composite casts.
 */
public final class RowExpressions {
    private RowExpressions() {}

    /** A row constructor of these fields, of a composite type or of record. */
    public static FuncExpr constructor(List<BoundExpr> fields, long type) {
        return new FuncExpr(RowFunctions.ROW_OID, RowFunctions.ROW, RowFunctions.ROW, FuncExpr.Form.CALL, fields, false,
                'i', type, -1);
    }

    /** A record of these fields that keeps their names (a FROM item's row): its typmod names them. */
    static FuncExpr namedRecord(List<BoundExpr> fields, List<String> names) {
        return new FuncExpr(RowFunctions.ROW_OID, RowFunctions.ROW, RowFunctions.ROW, FuncExpr.Form.CALL, fields, false,
                'i', TypeOids.RECORD, org.lakepg.server.catalog.types.RecordNames.typmod(names));
    }

    public static boolean isConstructor(BoundExpr e) {
        return e instanceof FuncExpr f && RowFunctions.ROW.equals(f.source());
    }

    /** A ROW(...) as written, not cast to a composite type: compared field by field (make_row_comparison_op). */
    static boolean isRecordConstructor(BoundExpr e) {
        return isConstructor(e) && e.type() == TypeOids.RECORD;
    }

    static BoundExpr analyze(RowExpr r, org.lakepg.server.sql.analyzer.Scope scope, ExpressionAnalyzer analyzer) {
        List<BoundExpr> fields = new ArrayList<>();
        for (Expr arg : r.args()) {
            if (arg instanceof org.lakepg.server.sql.ast.ColumnRef c && c.star() && c.fields().size() == 1) {
                // ROW(t.*) lists t's columns, as transformExpressionList expands it (not a row inside the row)
                var columns = scope.outerStar(c.fields().get(0));
                if (columns.isPresent()) {
                    columns.get().forEach(column -> fields.add(column.getValue()));
                    continue;
                }
            }
            // unknown literals stay unknown: a comparison or a cast to a composite type gives them their type
            fields.add(analyzer.analyze(arg, scope));
        }
        return constructor(fields, TypeOids.RECORD);
    }

    /** The operators compared field by field between two row constructors; others (*=, ...) take records whole. */
    static boolean isRowComparison(List<String> name) {
        if (name.size() > 2 || name.size() == 2 && !name.get(0).equals("pg_catalog")) {
            return false;
        }
        return true;
    }

    /** ROW(a, b) op ROW(c, d): = and <> field by field, the ordering operators by the first unequal pair. */
    static BoundExpr compare(String op, FuncExpr left, FuncExpr right, int location, ExpressionAnalyzer analyzer) {
        List<BoundExpr> l = left.arguments();
        List<BoundExpr> r = right.arguments();
        if (l.size() != r.size()) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "unequal number of entries in row expressions"),
                    location);
        }
        if (l.isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot compare rows of zero length"),
                    location);
        }
        switch (op) {
            case "=", "<>" -> {
                List<BoundExpr> tests = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    tests.add(analyzer.requireBoolean(analyzer.operator(List.of(op), l.get(i), r.get(i), location),
                            "row comparison", location));
                }
                return tests.size() == 1 ? tests.get(0)
                        : new BoolExpr(op.equals("=") ? BoolExpr.Kind.AND : BoolExpr.Kind.OR, tests);
            }
            case "<", "<=", ">", ">=" -> {
                BoundExpr result = analyzer.operator(List.of(op), l.get(l.size() - 1), r.get(r.size() - 1), location);
                for (int i = l.size() - 2; i >= 0; i--) {
                    BoundExpr equal = analyzer.operator(List.of("="), l.get(i), r.get(i), location);
                    BoundExpr decided = analyzer.operator(List.of(op), l.get(i), r.get(i), location);
                    result = new CaseExpr(List.of(new CaseExpr.When(equal, result)), decided, TypeOids.BOOL, -1);
                }
                return result;
            }
            default -> {
                // each pair must have the operator (its absence is the error PostgreSQL reports first)
                for (int i = 0; i < l.size(); i++) {
                    analyzer.operator(List.of(op), l.get(i), r.get(i), location);
                }
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_FUNCTION,
                        "could not determine interpretation of row comparison operator %s", op)
                        .withHint("Row comparison operators must be associated with btree operator families."), location);
            }
        }
    }

    /** ROW(...) IS [NOT] DISTINCT FROM ROW(...): field by field, NULLs equal to each other. */
    static BoundExpr distinct(FuncExpr left, FuncExpr right, boolean distinct, int location, ExpressionAnalyzer analyzer) {
        List<BoundExpr> l = left.arguments();
        List<BoundExpr> r = right.arguments();
        if (l.size() != r.size()) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "unequal number of entries in row expressions"),
                    location);
        }
        List<BoundExpr> tests = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            BoundExpr equal = analyzer.requireBoolean(analyzer.operator(List.of(distinct ? "<>" : "="), l.get(i),
                    r.get(i), location), "IS DISTINCT FROM", location);
            BoundExpr bothNull = new BoolExpr(BoolExpr.Kind.AND, List.of(new NullTest(l.get(i), false),
                    new NullTest(r.get(i), false)));
            BoundExpr oneNull = new BoolExpr(BoolExpr.Kind.OR, List.of(new NullTest(l.get(i), false),
                    new NullTest(r.get(i), false)));
            tests.add(new CaseExpr(List.of(new CaseExpr.When(bothNull, new Const(TypeOids.BOOL, -1, !distinct)),
                    new CaseExpr.When(oneNull, new Const(TypeOids.BOOL, -1, distinct))), equal, TypeOids.BOOL, -1));
        }
        return tests.size() == 1 ? tests.get(0) : new BoolExpr(distinct ? BoolExpr.Kind.OR : BoolExpr.Kind.AND, tests);
    }

    /** ROW(...) IS NULL: every field is NULL; IS NOT NULL: none is. */
    static BoundExpr nullTest(FuncExpr row, boolean negated) {
        List<BoundExpr> tests = row.arguments().stream().<BoundExpr>map(f -> new NullTest(f, negated)).toList();
        return tests.isEmpty() ? new Const(TypeOids.BOOL, -1, !negated)
                : tests.size() == 1 ? tests.get(0) : new BoolExpr(BoolExpr.Kind.AND, tests);
    }

    /** The attributes of a composite type (a user type or a table's row type); empty for other types. */
    static Optional<List<UserType.Attribute>> attributes(AnalyzerCatalog catalog, long type) {
        long base = new TypeCoercion(catalog).baseType(type);
        return catalog.userType(base).filter(t -> t instanceof UserType.Composite)
                .map(t -> ((UserType.Composite) t).attributes());
    }

    /** {@code (x).name}: a field of a row constructor or of a composite value. */
    static BoundExpr field(BoundExpr base, String name, int location, AnalyzerCatalog catalog) {
        if (isConstructor(base) && base.type() == TypeOids.RECORD) {
            List<BoundExpr> args = ((FuncExpr) base).arguments();
            List<String> names = org.lakepg.server.catalog.types.RecordNames.names(base.typmod());
            if (names != null && names.contains(name)) {
                return args.get(names.indexOf(name));
            }
            if (name.matches("f[1-9][0-9]*")) {
                int i = Integer.parseInt(name.substring(1)) - 1;
                if (i < args.size()) {
                    return args.get(i);
                }
            }
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN, "could not identify column \"%s\" in record data type",
                    name), location);
        }
        long[] fieldTypes = base.type() == TypeOids.RECORD
                ? org.lakepg.server.catalog.types.RecordNames.types(base.typmod()) : null;
        if (fieldTypes != null) {
            // a set-returning call's OUT row that came through a subquery: its typmod names and types the fields
            List<String> names = org.lakepg.server.catalog.types.RecordNames.names(base.typmod());
            int i = names.indexOf(name);
            if (i >= 0 && fieldTypes[i] != 0) {
                return new FuncExpr(RowFunctions.FIELD_OID, RowFunctions.FIELD, RowFunctions.FIELD, FuncExpr.Form.CALL,
                        List.of(base, new Const(TypeOids.INT4, -1, i)), true, 'i', fieldTypes[i], -1);
            }
        }
        Optional<List<UserType.Attribute>> attributes = attributes(catalog, base.type());
        if (attributes.isEmpty()) {
            Optional<BoundExpr> out = RecordColumns.outParameter(base, name, catalog);
            if (out.isPresent()) {
                return out.get();
            }
            if (base.type() == TypeOids.RECORD && name.equals(SearchCycle.DEPTH) && location < 0) {
                // SearchCycle's reference (it has no position in the text) to a breadth-first sequence's depth:
                // ROW(depth, columns...), whose field names the record type lacks
                return new FuncExpr(RowFunctions.FIELD_OID, RowFunctions.FIELD, RowFunctions.FIELD, FuncExpr.Form.CALL,
                        List.of(base, new Const(TypeOids.INT4, -1, 0), new Const(TypeOids.TEXT, -1, name)), true, 'i',
                        TypeOids.INT8, -1);
            }
            if (base.type() == TypeOids.RECORD) {
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN,
                        "could not identify column \"%s\" in record data type", name), location);
            }
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE, "column notation .%s applied to type %s, which is not a composite type",
                    name, TypeNames.format(catalog, base.type())), location);
        }
        List<UserType.Attribute> list = attributes.get();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                if (isConstructor(base)) {
                    return ((FuncExpr) base).arguments().get(i);
                }
                return new FuncExpr(RowFunctions.FIELD_OID, RowFunctions.FIELD, RowFunctions.FIELD, FuncExpr.Form.CALL,
                        List.of(base, new Const(TypeOids.INT4, -1, i)), true, 'i', list.get(i).type(),
                        list.get(i).typmod());
            }
        }
        throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" not found in data type %s", name,
                TypeNames.format(catalog, base.type())), location);
    }

    /** ROW(...)::composite: each field converted to its attribute's type (coerce_record_to_complex). */
    static Optional<BoundExpr> toComposite(FuncExpr row, long target, TypeCoercion.Context context, int location,
                                           Coercer coercer, AnalyzerCatalog catalog) {
        Optional<List<UserType.Attribute>> attributes = attributes(catalog, target);
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        List<UserType.Attribute> list = attributes.get();
        List<BoundExpr> fields = row.arguments();
        if (fields.size() != list.size()) {
            throw Coercer.at(PgException.of(SqlState.CANNOT_COERCE, "cannot cast type %s to %s",
                    TypeNames.format(catalog, row.type()), TypeNames.format(catalog, target))
                    .withDetail(fields.size() < list.size() ? "Input has too few columns." : "Input has too many columns."),
                    location);
        }
        List<BoundExpr> converted = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            UserType.Attribute a = list.get(i);
            BoundExpr f = fields.get(i);
            int at = i;
            converted.add(coercer.tryCoerce(f, a.type(), a.typmod(), context, location).orElseThrow(() -> Coercer.at(
                    PgException.of(SqlState.CANNOT_COERCE, "cannot cast type %s to %s",
                            TypeNames.format(catalog, row.type()), TypeNames.format(catalog, target))
                            .withDetail("Cannot cast type %s to %s in column %d.".formatted(
                                    TypeNames.format(catalog, f.type()), TypeNames.format(catalog, a.type()), at + 1)),
                    location)));
        }
        return Optional.of(constructor(converted, target));
    }
}
