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
            out.append("WHEN (").append(parenthesized(t.when())).append(") ");
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

    /** The deparser puts an operator expression in parentheses; a condition already wrapped stays as it is. */
    private static String parenthesized(String condition) {
        String c = condition.trim();
        if (c.startsWith("(") && c.endsWith(")")) {
            return c;
        }
        return "(" + c + ")";
    }
}
