package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.function.scalar.JsonPopulate;
import org.lakepg.server.function.scalar.JsonPopulateConversion;
import org.lakepg.server.function.scalar.JsonPopulateTarget;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * Binds the row type of json(b)_populate_record(set) and json(b)_to_record(set) calls: the conversions for each
 * column (type input with typmod, arrays, nested rows, domain tests) are analyzed here and travel as a trailing
 * argument of the call, as PostgreSQL's expected tuple descriptor does.
 */
final class JsonRecordCalls {
    private final ExpressionAnalyzer analyzer;
    private final AnalyzerCatalog catalog;

    JsonRecordCalls(ExpressionAnalyzer analyzer, AnalyzerCatalog catalog) {
        this.analyzer = analyzer;
        this.catalog = catalog;
    }

    /** The call with its row type bound when its result type (or a ROW(...) base) fixes it; others unchanged. */
    static BoundExpr bind(FuncExpr call, ExpressionAnalyzer analyzer, AnalyzerCatalog catalog) {
        if (call.source() == null || !JsonPopulate.isPopulateFunction(call.source()) || isBound(call)) {
            return call;
        }
        JsonRecordCalls calls = new JsonRecordCalls(analyzer, catalog);
        if (call.type() != TypeOids.RECORD) {
            return calls.target(call.type(), -1) instanceof JsonPopulateTarget.Composite c ? withTarget(call, c) : call;
        }
        if (JsonPopulate.takesBase(call.source()) && RowExpressions.isConstructor(call.arguments().get(0))) {
            List<BoundExpr> fields = ((FuncExpr) call.arguments().get(0)).arguments();
            List<String> names = new ArrayList<>();
            long[] types = new long[fields.size()];
            int[] typmods = new int[fields.size()];
            for (int i = 0; i < types.length; i++) {
                names.add("f" + (i + 1));
                types[i] = fields.get(i).type();
                typmods[i] = fields.get(i).typmod();
            }
            return withTarget(call, calls.record(names, types, typmods));
        }
        return call;
    }

    static boolean isBound(FuncExpr call) {
        return !call.arguments().isEmpty() && call.arguments().get(call.arguments().size() - 1) instanceof Const c
                && c.value() instanceof JsonPopulateTarget.Composite;
    }

    /** A call returning record with the columns of a column definition list. */
    static FuncExpr bindColumns(FuncExpr call, List<String> names, long[] types, int[] typmods,
                                ExpressionAnalyzer analyzer, AnalyzerCatalog catalog) {
        return withTarget(call, new JsonRecordCalls(analyzer, catalog).record(names, types, typmods));
    }

    private static FuncExpr withTarget(FuncExpr call, JsonPopulateTarget.Composite target) {
        List<BoundExpr> args = new ArrayList<>(call.arguments());
        args.add(new Const(TypeOids.INTERNAL, -1, target));
        return new FuncExpr(call.function(), call.name(), call.source(), call.form(), args, call.strict(),
                call.volatility(), call.type(), call.typmod());
    }

    private JsonPopulateTarget.Composite record(List<String> names, long[] types, int[] typmods) {
        List<JsonPopulateTarget> fields = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            fields.add(target(types[i], typmods[i]));
        }
        return new JsonPopulateTarget.Composite(TypeOids.RECORD, names, types, fields, null, null);
    }

    /** What a column of this type is built with. */
    JsonPopulateTarget target(long type, int typmod) {
        Optional<UserType> user = catalog.userType(type);
        if (user.isPresent() && user.get() instanceof UserType.Domain d) {
            JsonPopulateTarget base = target(d.baseType(), d.baseTypmod());
            JsonPopulateConversion fromText = fromText(type, typmod);
            return switch (base) {
                case JsonPopulateTarget.Scalar s -> new JsonPopulateTarget.Scalar(s.jsonText(), fromText);
                case JsonPopulateTarget.ArrayOf a -> new JsonPopulateTarget.ArrayOf(a.elementType(), a.element(),
                        fromText, check(d.baseType(), d.baseTypmod(), type));
                case JsonPopulateTarget.Composite c -> new JsonPopulateTarget.Composite(c.type(), c.names(),
                        c.fieldTypes(), c.fields(), fromText, check(d.baseType(), d.baseTypmod(), type));
            };
        }
        TypeEntry entry = catalog.type(type).orElse(null);
        if (entry != null && entry.category() == 'A' && entry.elementType() != 0) {
            return new JsonPopulateTarget.ArrayOf((int) entry.elementType(), target(entry.elementType(), typmod),
                    fromText(type, typmod), null);
        }
        Optional<List<UserType.Attribute>> attributes = RowExpressions.attributes(catalog, type);
        if (attributes.isPresent()) {
            List<String> names = new ArrayList<>();
            List<JsonPopulateTarget> fields = new ArrayList<>();
            long[] types = new long[attributes.get().size()];
            for (int i = 0; i < types.length; i++) {
                UserType.Attribute a = attributes.get().get(i);
                names.add(a.name());
                types[i] = a.type();
                fields.add(target(a.type(), a.typmod()));
            }
            return new JsonPopulateTarget.Composite(type, names, types, fields, fromText(type, -1), null);
        }
        return new JsonPopulateTarget.Scalar(type == TypeOids.JSON || type == TypeOids.JSONB, fromText(type, typmod));
    }

    /** text to the type through its input function, then to the typmod as an assignment would (char(n) checks). */
    private JsonPopulateConversion fromText(long type, int typmod) {
        BoundExpr text = new InputRef(0, TypeOids.TEXT, -1, "value");
        BoundExpr converted = analyzer.coercer().coerce(text, type, -1, TypeCoercion.Context.EXPLICIT, -1);
        if (typmod >= 0) {
            converted = analyzer.coercer().coerce(converted, type, typmod, TypeCoercion.Context.ASSIGNMENT, -1);
        }
        return new JsonPopulateConversion(converted);
    }

    /** A domain's tests over a value of its base type. */
    private JsonPopulateConversion check(long base, int baseTypmod, long domain) {
        BoundExpr value = new InputRef(0, base, baseTypmod, "value");
        return new JsonPopulateConversion(analyzer.coercer().coerce(value, domain, -1, TypeCoercion.Context.EXPLICIT, -1));
    }
}
