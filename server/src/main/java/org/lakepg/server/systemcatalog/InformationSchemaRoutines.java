package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.analyzer.TypeNames;

/** information_schema.routines and .parameters, over every function and procedure: built-in, then the user's. */
final class InformationSchemaRoutines {
    private InformationSchemaRoutines() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("information_schema.routines", InformationSchemaRoutines::routines);
        sources.put("information_schema.parameters", InformationSchemaRoutines::parameters);
    }

    private static String specificName(ProcEntry p) {
        return p.name() + "_" + p.oid();
    }

    private static String language(long oid) {
        return oid == ProcEntry.LANGUAGE_INTERNAL ? "INTERNAL" : oid == ProcEntry.LANGUAGE_SQL ? "SQL"
                : oid == 13 ? "C" : "PLPGSQL";
    }

    /** data_type as information_schema spells it: ARRAY, USER-DEFINED or the SQL name. */
    static String dataType(CatalogView catalog, long type) {
        TypeEntry t = catalog.types().type(type).orElse(null);
        if (t == null) {
            return null;
        }
        if (t.isArray()) {
            return "ARRAY";
        }
        return t.namespace() == CatalogView.PG_CATALOG ? TypeNames.format(catalog.builtins(), type) : "USER-DEFINED";
    }

    private static void routines(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (ProcEntry p : allProcs(catalog)) {
            boolean procedure = p.kind() == ProcEntry.KIND_PROCEDURE;
            String kind = p.kind() == ProcEntry.KIND_FUNCTION ? "FUNCTION" : procedure ? "PROCEDURE" : null;
            String schema = catalog.namespaceName(p.namespace()).orElse(null);
            Rows.Row row = out.add().set("specific_catalog", db).set("specific_schema", schema)
                    .set("specific_name", specificName(p)).set("routine_catalog", db).set("routine_schema", schema)
                    .set("routine_name", p.name()).set("routine_type", kind)
                    .set("routine_body", p.language() == ProcEntry.LANGUAGE_SQL ? "SQL" : "EXTERNAL")
                    .set("routine_definition", p.language() == ProcEntry.LANGUAGE_SQL && p.sqlBody() != null
                            ? p.sqlBody() : p.source())
                    .set("external_language", language(p.language())).set("parameter_style", "GENERAL")
                    .set("is_deterministic", p.volatility() == 'i' ? "YES" : "NO").set("sql_data_access", "MODIFIES")
                    .set("is_null_call", procedure ? null : p.strict() ? "YES" : "NO")
                    .set("schema_level_routine", "YES").set("max_dynamic_result_sets", 0)
                    .set("security_type", p.securityDefiner() ? "DEFINER" : "INVOKER").set("as_locator", "NO")
                    .set("is_udt_dependent", "NO");
            if (!procedure) {
                TypeEntry result = catalog.types().type(p.returnType()).orElse(null);
                row.set("data_type", dataType(catalog, p.returnType())).set("dtd_identifier", "0");
                if (result != null) {
                    row.set("type_udt_catalog", db).set("type_udt_schema",
                            catalog.namespaceName(result.namespace()).orElse(null)).set("type_udt_name", result.name());
                }
            }
        }
    }

    private static Iterable<ProcEntry> allProcs(CatalogView catalog) {
        java.util.List<ProcEntry> all = new java.util.ArrayList<>(catalog.builtins().procs());
        all.addAll(catalog.sources().userFunctions());
        return all;
    }

    /** The DEFAULT text of an input parameter (the last pronargdefaults inputs have one), else null. */
    private static String parameterDefault(ProcEntry p, int position) {
        if (p.defaultExpressions() == null || p.defaultArgumentCount() == 0) {
            return null;
        }
        int input = 0;
        for (int i = 0; i < position; i++) {
            char mode = p.argumentModes() == null ? 'i' : p.argumentModes()[i];
            if (mode == 'i' || mode == 'b' || mode == 'v') {
                input++;
            }
        }
        char mode = p.argumentModes() == null ? 'i' : p.argumentModes()[position];
        if (mode != 'i' && mode != 'b' && mode != 'v') {
            return null;
        }
        int index = input - (p.argumentCount() - p.defaultArgumentCount());
        return index >= 0 && index < p.defaultExpressions().size() ? p.defaultExpressions().get(index) : null;
    }

    private static void parameters(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (ProcEntry p : allProcs(catalog)) {
            long[] types = p.allArgumentTypes() != null ? p.allArgumentTypes() : p.argumentTypes();
            String schema = catalog.namespaceName(p.namespace()).orElse(null);
            for (int i = 0; i < types.length; i++) {
                char mode = p.argumentModes() == null ? 'i' : p.argumentModes()[i];
                TypeEntry type = catalog.types().type(types[i]).orElse(null);
                String name = p.argumentNames() != null && i < p.argumentNames().size()
                        && !p.argumentNames().get(i).isEmpty() ? p.argumentNames().get(i) : null;
                Rows.Row row = out.add().set("specific_catalog", db).set("specific_schema", schema)
                        .set("specific_name", specificName(p)).set("ordinal_position", i + 1)
                        .set("parameter_mode", switch (mode) {
                            case 'o', 't' -> "OUT";
                            case 'b' -> "INOUT";
                            default -> "IN";
                        })
                        .set("is_result", "NO").set("as_locator", "NO").set("parameter_name", name)
                        .set("data_type", dataType(catalog, types[i])).set("dtd_identifier", Integer.toString(i + 1))
                        .set("parameter_default", parameterDefault(p, i));
                if (type != null) {
                    row.set("udt_catalog", db).set("udt_schema", catalog.namespaceName(type.namespace()).orElse(null))
                            .set("udt_name", type.name());
                }
            }
        }
    }
}
