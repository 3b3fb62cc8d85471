package org.lakepg.server.function.scalar;

import java.util.Optional;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.systemcatalog.CatalogView;
import org.lakepg.server.systemcatalog.IndexDefinitions;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The functions clients use to print catalog objects: format_type, pg_get_indexdef,
 * pg_get_constraintdef, pg_get_expr, pg_get_userbyid, pg_get_function_arguments/result ...
 * They read the catalog as the calling statement sees it. Registers the other catalog families too.
 */
public final class CatalogFunctions {
    private CatalogFunctions() {}

    public static void register(FunctionRegistry r) {
        CatalogVisibilityFunctions.register(r);
        AclDefaultFunction.register(r);
        RegFunctions.register(r);
        SizeFunctions.register(r);
        GinFunctions.register(r);
        ArrayToText.register(r);
        ArrayEquality.register(r);
        ArrayFunctions.register(r);
        SleepFunction.register(r);
        LargeObjectFunctions.register(r);
        OidFunctions.register(r);
        SetConfigFunction.register(r);
        r.register("pg_describe_object", (x, c) -> org.lakepg.server.systemcatalog.ObjectDescriptions.describe(
                c.catalogView(), oid(x[0]), oid(x[1]), (Integer) x[2]));
        StatisticsFunctions.register(r);
        ServerInfoFunctions.register(r);
        SystemColumnFunctions.register(r);
        r.register("format_type", (x, c) -> x[0] == null ? null : x[1] == null
                ? TypeNames.format(c.catalogView().types(), oid(x[0]))
                : TypeNames.format(c.catalogView().types(), oid(x[0]), (Integer) x[1]));
        r.register("pg_get_indexdef", (x, c) -> indexDef(c, oid(x[0]), 0, false));
        r.register("pg_get_indexdef_ext", (x, c) -> indexDef(c, oid(x[0]), (Integer) x[1], Boolean.TRUE.equals(x[2])));
        r.register("pg_get_constraintdef", (x, c) -> constraintDef(c, oid(x[0])));
        r.register("pg_get_constraintdef_ext", (x, c) -> constraintDef(c, oid(x[0]), Boolean.TRUE.equals(x[1])));
        // lakepg keeps expressions as SQL text where PostgreSQL keeps node trees: the text is the deparsed form
        r.register("pg_get_expr", (x, c) -> x[0]);
        r.register("pg_get_expr_ext", (x, c) -> Boolean.TRUE.equals(x[2]) && x[0] != null
                ? org.lakepg.server.systemcatalog.PrettyIndex.prettyExpression(c.catalogView(), (String) x[0], oid(x[1]))
                : x[0]);
        PartitionHash.register(r);
        r.register("pg_get_partkeydef", (x, c) -> org.lakepg.server.systemcatalog.InheritsRows.partitionKeyDef(
                c.catalogView(), oid(x[0])));
        r.register("pg_get_partition_constraintdef", (x, c) ->
                org.lakepg.server.systemcatalog.InheritsRows.partitionConstraintDef(c.catalogView(), oid(x[0])));
        r.register("obj_description", (x, c) -> {
            if (x.length == 1) {
                return org.lakepg.server.systemcatalog.Descriptions.of(c.catalogView(), oid(x[0]),
                        org.lakepg.server.systemcatalog.Descriptions.PG_CLASS, 0);
            }
            Long classoid = org.lakepg.server.systemcatalog.Descriptions.catalogOid((String) x[1]);
            return classoid == null ? null
                    : org.lakepg.server.systemcatalog.Descriptions.of(c.catalogView(), oid(x[0]), classoid, 0);
        });
        r.register("col_description", (x, c) -> org.lakepg.server.systemcatalog.Descriptions.of(c.catalogView(),
                oid(x[0]), org.lakepg.server.systemcatalog.Descriptions.PG_CLASS, (Integer) x[1]));
        r.register("shobj_description", (x, c) -> {
            Long classoid = org.lakepg.server.systemcatalog.Descriptions.catalogOid((String) x[1]);
            return classoid == null ? null
                    : org.lakepg.server.systemcatalog.Descriptions.shared(c.catalogView(), oid(x[0]), classoid);
        });
        // the analyzer passes the collation it derived and, for a type without collations, that type's name
        r.register("pg_collation_for", (x, c) -> {
            if (x.length > 2 && x[2] != null) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.DATATYPE_MISMATCH,
                        "collations are not supported by type %s", x[2]);
            }
            return x.length > 1 ? x[1] : null;
        });
        r.register("pg_typeof", new TypedCode((x, types, c) -> types.of(0) == 0 ? null : types.of(0)));
        r.register("pg_get_serial_sequence", (x, c) -> serialSequence(c, (String) x[0], (String) x[1]));
        r.register("pg_get_userbyid", (x, c) -> c.catalogView().roleName(oid(x[0]))
                .orElse("unknown (OID=" + oid(x[0]) + ")"));
        r.register("pg_get_function_arguments", (x, c) -> function(c, x[0]).map(p -> arguments(c, p, true))
                .orElse(null));
        r.register("pg_get_function_identity_arguments", (x, c) -> function(c, x[0])
                .map(p -> arguments(c, p, false)).orElse(null));
        r.register("pg_get_function_result", (x, c) -> function(c, x[0]).map(p -> result(c, p)).orElse(null));
        r.register("pg_get_functiondef", (x, c) -> function(c, x[0]).map(p -> FunctionDefinition.of(c.catalogView(), p,
                arguments(c, p, true), result(c, p))).orElse(null));
        r.register("pg_get_viewdef", (x, c) -> viewDef(c, oid(x[0])));
        r.register("pg_get_viewdef_ext", (x, c) -> Boolean.TRUE.equals(x[1])
                ? org.lakepg.server.sql.deparse.ViewDeparser.pretty(viewDef(c, oid(x[0]))) : viewDef(c, oid(x[0])));
        r.register("pg_get_viewdef_wrap", (x, c) -> org.lakepg.server.sql.deparse.ViewDeparser.pretty(viewDef(c, oid(x[0])),
                ((Number) x[1]).intValue()));
        r.register("pg_get_viewdef_name", (x, c) -> viewDef(c,
                org.lakepg.server.systemcatalog.RegTypes.input(2205, (String) x[0], c.catalogView())));
        r.register("pg_get_viewdef_name_ext", (x, c) -> {
            String plain = viewDef(c, org.lakepg.server.systemcatalog.RegTypes.input(2205, (String) x[0], c.catalogView()));
            return Boolean.TRUE.equals(x[1]) ? org.lakepg.server.sql.deparse.ViewDeparser.pretty(plain) : plain;
        });
        r.register("pg_get_ruledef", (x, c) -> c.catalogView().sources().ruleDefinition(oid(x[0]), false));
        r.register("pg_get_ruledef_ext", (x, c) -> c.catalogView().sources().ruleDefinition(oid(x[0]),
                Boolean.TRUE.equals(x[1])));
        r.register("pg_get_triggerdef", (x, c) -> org.lakepg.server.systemcatalog.TriggerDefinitions.triggerDef(
                c.catalogView(), oid(x[0]), false));
        r.register("pg_get_triggerdef_ext", (x, c) -> org.lakepg.server.systemcatalog.TriggerDefinitions.triggerDef(
                c.catalogView(), oid(x[0]), Boolean.TRUE.equals(x[1])));
        for (String none : new String[] {
                "pg_get_statisticsobjdef_columns",
                "pg_get_function_arg_default", "pg_get_function_sqlbody"}) {
            // the objects these describe (views, triggers, rules, partitions ...) do not exist in lakepg yet
            r.register(none, (x, c) -> null);
        }
    }

    static long oid(Object value) {
        return ((Number) value).longValue();
    }

    private static String indexDef(FunctionContext c, long oid, int column, boolean pretty) {
        CatalogView catalog = c.catalogView();
        Optional<IndexInfo> index = catalog.index(oid);
        if (index.isEmpty()) {
            return null;
        }
        TableInfo table = catalog.table(index.get().tableOid()).orElseThrow();
        // pretty-printing names the table as the search path sees it; otherwise always schema-qualified
        boolean qualify = !pretty || !catalog.onSearchPath(table.namespace());
        return column == 0 ? IndexDefinitions.indexDef(catalog, index.get(), table, qualify, pretty)
                : IndexDefinitions.indexColumn(pretty ? org.lakepg.server.systemcatalog.PrettyIndex.of(index.get(), table)
                : index.get(), table, column);
    }

    private static String constraintDef(FunctionContext c, long oid) {
        return constraintDef(c, oid, false);
    }

    private static String constraintDef(FunctionContext c, long oid, boolean pretty) {
        return org.lakepg.server.systemcatalog.ConstraintDefinitions.of(c.catalogView(), oid, pretty).orElseThrow(() ->
                org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.INTERNAL_ERROR,
                        "cache lookup failed for constraint %d", oid));
    }

    private static String viewDef(FunctionContext c, long oid) {
        return c.catalogView().views().stream().filter(v -> v.oid() == oid).findFirst()
                .map(org.lakepg.server.systemcatalog.CatalogSources.ViewRow::definition).orElse(null);
    }

    /** The sequence a column owns (serial and identity columns), schema-qualified; NULL when none. */
    private static String serialSequence(FunctionContext c, String table, String column) {
        CatalogView catalog = c.catalogView();
        long oid = org.lakepg.server.systemcatalog.RegTypes.input(2205, table, catalog);
        Optional<TableInfo> t = catalog.table(oid);
        if (t.isEmpty()) {
            return null;
        }
        var col = t.get().columns().stream().filter(x -> x.name().equals(column)).findFirst();
        if (col.isEmpty()) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.UNDEFINED_COLUMN,
                    "column \"%s\" of relation \"%s\" does not exist", column, t.get().name());
        }
        for (var s : catalog.sequences()) {
            if (s.ownedByTable() == oid && s.ownedByColumn() == col.get().number()) {
                return org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(
                        catalog.namespaceName(s.namespace()).orElse("public")) + "."
                        + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(s.name());
            }
        }
        return null;
    }

    private static Optional<ProcEntry> function(FunctionContext c, Object oid) {
        return c.catalogView().function(oid(oid));
    }

    /** The argument list as pg_get_function_arguments prints it: modes, names, types, defaults. */
    private static String arguments(FunctionContext c, ProcEntry p, boolean withDefaults) {
        long[] types = p.allArgumentTypes() != null ? p.allArgumentTypes() : p.argumentTypes();
        StringBuilder out = new StringBuilder();
        int inputs = 0;
        for (int i = 0; i < types.length; i++) {
            char mode = p.argumentModes() == null ? 'i' : p.argumentModes()[i];
            if (mode == 't') {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            switch (mode) {
                case 'o' -> out.append("OUT ");
                case 'b' -> out.append("INOUT ");
                case 'v' -> out.append("VARIADIC ");
                default -> { }
            }
            if (p.argumentNames() != null && i < p.argumentNames().size() && !p.argumentNames().get(i).isEmpty()) {
                out.append(p.argumentNames().get(i)).append(' ');
            }
            out.append(TypeNames.format(c.catalogView().types(), types[i]));
            if (mode == 'i' || mode == 'b' || mode == 'v') {
                int defaultIndex = inputs - (p.argumentCount() - p.defaultArgumentCount());
                if (withDefaults && defaultIndex >= 0 && p.defaultExpressions() != null
                        && defaultIndex < p.defaultExpressions().size()) {
                    out.append(" DEFAULT ").append(p.defaultExpressions().get(defaultIndex));
                }
                inputs++;
            }
        }
        return out.toString();
    }

    /** The result as pg_get_function_result prints it: SETOF, TABLE(...) or the type. */
    private static String result(FunctionContext c, ProcEntry p) {
        if (p.kind() == ProcEntry.KIND_PROCEDURE) {
            return null;
        }
        if (p.argumentModes() != null && new String(p.argumentModes()).indexOf('t') >= 0) {
            StringBuilder out = new StringBuilder("TABLE(");
            boolean first = true;
            for (int i = 0; i < p.argumentModes().length; i++) {
                if (p.argumentModes()[i] == 't') {
                    out.append(first ? "" : ", ").append(p.argumentNames().get(i)).append(' ')
                            .append(TypeNames.format(c.catalogView().types(), p.allArgumentTypes()[i]));
                    first = false;
                }
            }
            return out.append(')').toString();
        }
        return (p.returnsSet() ? "SETOF " : "") + TypeNames.format(c.catalogView().types(), p.returnType());
    }
}
