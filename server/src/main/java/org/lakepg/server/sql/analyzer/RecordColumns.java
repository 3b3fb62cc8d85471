package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.function.scalar.JsonPopulate;
import org.lakepg.server.function.scalar.JsonPopulateTarget;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/**
 * The columns of a function in FROM that returns a row: a composite type's attributes, or for a function returning
 * record those of its column definition list ({@code AS t(a int, b text)}, PostgreSQL's addRangeTableEntryForFunction).
 */
final class RecordColumns {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;

    RecordColumns(ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.catalog = catalog;
    }

    record Bound(BoundExpr call, List<OutputColumn> columns) {}

    /** The columns of a composite result type (or a domain over one); null for other types. */
    static List<OutputColumn> compositeColumns(AnalyzerCatalog catalog, long type) {
        if (type == TypeOids.RECORD) {
            return null;
        }
        var attributes = RowExpressions.attributes(catalog, type);
        if (attributes.isEmpty() || attributes.get().isEmpty()) {
            return null;
        }
        List<OutputColumn> out = new ArrayList<>();
        for (UserType.Attribute a : attributes.get()) {
            out.add(OutputColumn.computed(a.name(), a.type(), a.typmod()));
        }
        return out;
    }

    /**
     * Whether a set-returning call of type record can stand in a select list: a JSON record function (its row
     * type bound, or PostgreSQL's error at run time) or a built-in with OUT columns of fixed types.
     */
    static boolean recordSetInSelectList(FuncExpr call, AnalyzerCatalog catalog) {
        if (call.source() != null && JsonPopulate.isPopulateFunction(call.source())) {
            return true;
        }
        ProcEntry proc = catalog.function(call.function()).orElse(null);
        if (proc == null || proc.oid() >= FIRST_USER_OID || proc.argumentModes() == null) {
            return false;
        }
        for (long type : outTypes(call, proc, catalog)) {
            if (type == 0 || catalog.type(type).map(t -> t.category() == 'P').orElse(true)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The typmod naming the fields (and their types) of a select list's set-returning call that returns its OUT row
     * as one record; -1 when there is none.
     */
    static int outRowTypmod(FuncExpr call, AnalyzerCatalog catalog) {
        ProcEntry proc = catalog.function(call.function()).orElse(null);
        if (call.type() != TypeOids.RECORD || proc == null || proc.argumentModes() == null
                || proc.argumentNames() == null || !recordSetInSelectList(call, catalog)) {
            return -1;
        }
        return org.lakepg.server.catalog.types.RecordNames.typmod(org.lakepg.server.catalog.OutParameters.names(proc),
                outTypes(call, proc, catalog));
    }

    /** The call's OUT column types, polymorphic ones resolved from its arguments (0 where they cannot be). */
    private static long[] outTypes(FuncExpr call, ProcEntry proc, AnalyzerCatalog catalog) {
        return org.lakepg.server.catalog.OutParameters.types(proc,
                call.arguments().stream().mapToLong(BoundExpr::type).toArray(), catalog::type);
    }

    /** {@code (f(...)).name} of a built-in function returning record through OUT parameters (jsonb_each's key). */
    static java.util.Optional<BoundExpr> outParameter(BoundExpr base, String name, AnalyzerCatalog catalog) {
        if (!(base instanceof FuncExpr f) || f.type() != TypeOids.RECORD || !recordSetInSelectList(f, catalog)
                || JsonPopulate.isPopulateFunction(f.source() == null ? "" : f.source())) {
            return java.util.Optional.empty();
        }
        ProcEntry proc = catalog.function(f.function()).orElseThrow();
        if (!proc.returnsSet()) {
            // only a select list's set-returning call yields its OUT row as one record value
            return java.util.Optional.empty();
        }
        char[] modes = proc.argumentModes();
        long[] outTypes = outTypes(f, proc, catalog);
        for (int i = 0, at = 0; i < modes.length; i++) {
            if (modes[i] == 'o' || modes[i] == 'b' || modes[i] == 't') {
                if (proc.argumentNames() != null && proc.argumentNames().get(i).equals(name)) {
                    long type = outTypes[at];
                    return java.util.Optional.of(new FuncExpr(org.lakepg.server.function.scalar.RowFunctions.FIELD_OID,
                            org.lakepg.server.function.scalar.RowFunctions.FIELD,
                            org.lakepg.server.function.scalar.RowFunctions.FIELD, FuncExpr.Form.CALL,
                            List.of(base, new Const(TypeOids.INT4, -1, at)), true, 'i', type, -1));
                }
                at++;
            }
        }
        return java.util.Optional.empty();
    }

    /** A call given a column definition list: checked, and the JSON record functions told the row type. */
    Bound bind(BoundExpr call, ProcEntry proc, List<ColumnDef> coldefs) {
        int at = coldefs.get(0).location();
        if (proc != null && proc.argumentModes() != null && new String(proc.argumentModes()).matches(".*[obt].*")) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                    "a column definition list is redundant for a function with OUT parameters"), at);
        }
        if (compositeColumns(catalog, call.type()) != null) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                    "a column definition list is redundant for a function returning a named composite type"), at);
        }
        if (call.type() != TypeOids.RECORD) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                    "a column definition list is only allowed for functions returning \"record\""), at);
        }
        List<String> names = new ArrayList<>();
        long[] types = new long[coldefs.size()];
        int[] typmods = new int[coldefs.size()];
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            ColumnDef def = coldefs.get(i);
            if (names.contains(def.colname())) {
                throw Coercer.at(PgException.of(SqlState.DUPLICATE_COLUMN, "column name \"%s\" specified more than once",
                        def.colname()), def.location());
            }
            long[] type = expressions.resolveType(def.typeName());
            names.add(def.colname());
            types[i] = type[0];
            typmods[i] = (int) type[1];
            columns.add(OutputColumn.computed(def.colname(), types[i], typmods[i]));
        }
        if (call instanceof FuncExpr f && f.source() != null && JsonPopulate.isPopulateFunction(f.source())) {
            if (JsonRecordCalls.isBound(f)) {
                matches((JsonPopulateTarget.Composite) ((Const) f.arguments().get(f.arguments().size() - 1)).value(),
                        types);
                return new Bound(f, columns);
            }
            return new Bound(JsonRecordCalls.bindColumns(f, names, types, typmods, expressions, catalog), columns);
        }
        return new Bound(call, columns);
    }

    /** tupledesc_match: the row a ROW(...) base gives must have the listed column types. */
    private void matches(JsonPopulateTarget.Composite returned, long[] expected) {
        long[] actual = returned.fieldTypes();
        if (actual.length != expected.length) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "function return row and query-specified return row do not match")
                    .withDetail("Returned row contains %d attribute%s, but query expects %d.".formatted(actual.length,
                            actual.length == 1 ? "" : "s", expected.length));
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != expected[i]) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH,
                        "function return row and query-specified return row do not match")
                        .withDetail("Returned type %s at ordinal position %d, but query expects %s.".formatted(
                                TypeNames.format(catalog, actual[i]), i + 1, TypeNames.format(catalog, expected[i])));
            }
        }
    }
}
