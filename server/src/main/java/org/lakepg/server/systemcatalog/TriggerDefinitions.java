package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.table.TableInfo;

/** pg_trigger rows and pg_get_triggerdef's CREATE TRIGGER text, from the trigger catalog. */
public final class TriggerDefinitions {
    private TriggerDefinitions() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_trigger", (catalog, out) -> {
            for (TriggerInfo t : catalog.sources().triggers()) {
                List<Short> attnums = new ArrayList<>();
                t.columns().forEach(c -> attnums.add((short) (int) c));
                StringBuilder args = new StringBuilder();
                t.arguments().forEach(a -> args.append(a).append('\u0000'));
                out.add().set("oid", t.oid()).set("tgrelid", t.relid()).set("tgparentid", 0L).set("tgname", t.name())
                        .set("tgfoid", t.function()).set("tgtype", (short) t.type())
                        .set("tgenabled", t.enabled()).set("tgisinternal", false).set("tgconstrrelid", 0L)
                        .set("tgconstrindid", 0L).set("tgconstraint", 0L).set("tgdeferrable", t.deferrable())
                        .set("tginitdeferred", t.initiallyDeferred()).set("tgnargs", (short) t.arguments().size())
                        .set("tgattr", attnums).set("tgargs", args.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .set("tgqual", t.when()).set("tgoldtable", t.oldTable()).set("tgnewtable", t.newTable());
            }
        });
        sources.put("information_schema.triggers", TriggerDefinitions::informationSchema);
    }

    /** information_schema.triggers: one row per trigger and event, action_order counting within its kind. */
    private static void informationSchema(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        List<TriggerInfo> all = new ArrayList<>(catalog.sources().triggers());
        all.sort(java.util.Comparator.comparing(TriggerInfo::name));
        int[] events = {TriggerInfo.INSERT, TriggerInfo.DELETE, TriggerInfo.UPDATE};
        String[] names = {"INSERT", "DELETE", "UPDATE"};
        for (TriggerInfo t : all) {
            TableInfo table = catalog.table(t.relid()).orElse(null);
            if (table == null) {
                continue;
            }
            String schema = catalog.namespaceName(table.namespace()).orElse("public");
            for (int e = 0; e < events.length; e++) {
                int event = events[e];
                if (!t.fires(event)) {
                    continue;
                }
                long order = all.stream().filter(o -> o.relid() == t.relid() && o.fires(event) && o.row() == t.row()
                        && o.before() == t.before() && o.instead() == t.instead()
                        && o.name().compareTo(t.name()) <= 0).count();
                String definition = triggerDef(catalog, t.oid(), true);
                out.add().set("trigger_catalog", db).set("trigger_schema", schema).set("trigger_name", t.name())
                        .set("event_manipulation", names[e]).set("event_object_catalog", db)
                        .set("event_object_schema", schema).set("event_object_table", table.name())
                        .set("action_order", (int) order)
                        .set("action_condition", t.when() == null ? null : condition(t.when()))
                        .set("action_statement", definition.substring(definition.indexOf("EXECUTE FUNCTION")))
                        .set("action_orientation", t.row() ? "ROW" : "STATEMENT")
                        .set("action_timing", t.instead() ? "INSTEAD OF" : t.before() ? "BEFORE" : "AFTER")
                        .set("action_reference_old_table", t.oldTable()).set("action_reference_new_table", t.newTable());
            }
        }
    }

    /** pg_get_triggerdef(oid [, pretty]): null for an OID naming no trigger. */
    public static String triggerDef(CatalogView catalog, long oid, boolean pretty) {
        Optional<TriggerInfo> found = catalog.sources().triggers().stream().filter(t -> t.oid() == oid).findFirst();
        if (found.isEmpty()) {
            return null;
        }
        TriggerInfo t = found.get();
        TableInfo table = catalog.table(t.relid()).orElse(null);
        StringBuilder out = new StringBuilder("CREATE ");
        out.append(t.constraint() ? "CONSTRAINT TRIGGER " : "TRIGGER ").append(Identifiers.quoteIfNeeded(t.name()))
                .append(' ').append(t.instead() ? "INSTEAD OF" : t.before() ? "BEFORE" : "AFTER");
        List<String> events = new ArrayList<>();
        if (t.fires(TriggerInfo.INSERT)) {
            events.add("INSERT");
        }
        if (t.fires(TriggerInfo.DELETE)) {
            events.add("DELETE");
        }
        if (t.fires(TriggerInfo.UPDATE)) {
            StringBuilder update = new StringBuilder("UPDATE");
            if (!t.columns().isEmpty() && table != null) {
                update.append(" OF ");
                for (int i = 0; i < t.columns().size(); i++) {
                    update.append(i == 0 ? "" : ", ")
                            .append(Identifiers.quoteIfNeeded(table.columns().get(t.columns().get(i) - 1).name()));
                }
            }
            events.add(update.toString());
        }
        if (t.fires(TriggerInfo.TRUNCATE)) {
            events.add("TRUNCATE");
        }
        out.append(' ').append(String.join(" OR ", events)).append(" ON ");
        if (table != null) {
            String schema = catalog.namespaceName(table.namespace()).orElse("public");
            boolean visible = catalog.effectiveSearchPath(true).contains(schema);
            if (!pretty || !visible) {
                out.append(Identifiers.quoteIfNeeded(schema)).append('.');
            }
            out.append(Identifiers.quoteIfNeeded(table.name()));
        }
        out.append(' ');
        if (t.constraint()) {
            out.append(t.deferrable() ? "DEFERRABLE " : "NOT DEFERRABLE ")
                    .append(t.initiallyDeferred() ? "INITIALLY DEFERRED " : "INITIALLY IMMEDIATE ");
        }
        if (t.oldTable() != null || t.newTable() != null) {
            out.append("REFERENCING ");
            if (t.oldTable() != null) {
                out.append("OLD TABLE AS ").append(Identifiers.quoteIfNeeded(t.oldTable())).append(' ');
            }
            if (t.newTable() != null) {
                out.append("NEW TABLE AS ").append(Identifiers.quoteIfNeeded(t.newTable())).append(' ');
            }
        }
        out.append("FOR EACH ").append(t.row() ? "ROW " : "STATEMENT ");
        if (t.when() != null) {
            out.append("WHEN (").append(condition(t.when())).append(") ");
        }
        var function = catalog.function(t.function());
        String functionName = function.map(p -> {
            String schema = catalog.namespaceName(p.namespace()).orElse("public");
            return (catalog.effectiveSearchPath(true).contains(schema) ? "" : Identifiers.quoteIfNeeded(schema) + ".")
                    + Identifiers.quoteIfNeeded(p.name());
        }).orElse("-");
        out.append("EXECUTE FUNCTION ").append(functionName).append('(');
        for (int i = 0; i < t.arguments().size(); i++) {
            out.append(i == 0 ? "" : ", ").append('\'').append(t.arguments().get(i).replace("'", "''")).append('\'');
        }
        return out.append(')').toString();
    }

    /**
     * A WHEN condition as ruleutils prints it, approximately: NEW and OLD in lower case, an operator expression in
     * parentheses, a lone constant or name as it is.
     */
    static String condition(String condition) {
        String c = java.util.regex.Pattern.compile("(?i)\\b(new|old)\\.").matcher(condition.trim())
                .replaceAll(m -> m.group(1).toLowerCase(java.util.Locale.ROOT) + ".");
        if (c.startsWith("(") && c.endsWith(")") || c.matches("[A-Za-z0-9_.\"]+")) {
            return c;
        }
        return "(" + c + ")";
    }
}
