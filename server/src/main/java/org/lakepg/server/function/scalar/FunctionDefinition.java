package org.lakepg.server.function.scalar;

import java.util.Map;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.systemcatalog.CatalogView;

/**
 * pg_get_functiondef: the CREATE OR REPLACE FUNCTION (or PROCEDURE) command that makes a function again, laid out
 * as PostgreSQL's ruleutils prints it: one clause per line, the attributes that differ from the defaults, and the
 * body dollar-quoted with a tag the body does not contain.
 */
final class FunctionDefinition {
    private FunctionDefinition() {}

    private static final Map<Long, String> LANGUAGES = Map.of(12L, "internal", 13L, "c", 14L, "sql",
            13563L, "plpgsql");

    static String of(CatalogView catalog, ProcEntry p, String arguments, String result) {
        boolean procedure = p.kind() == ProcEntry.KIND_PROCEDURE;
        String schema = catalog.namespaceName(p.namespace()).orElse("public");
        StringBuilder out = new StringBuilder("CREATE OR REPLACE ").append(procedure ? "PROCEDURE " : "FUNCTION ")
                .append(Identifiers.quoteIfNeeded(schema)).append('.').append(Identifiers.quoteIfNeeded(p.name()))
                .append('(').append(arguments).append(")\n");
        if (!procedure) {
            out.append(" RETURNS ").append(result).append('\n');
        }
        out.append(" LANGUAGE ").append(Identifiers.quoteIfNeeded(LANGUAGES.getOrDefault(p.language(), "sql")))
                .append('\n');
        StringBuilder attributes = new StringBuilder();
        if (p.kind() == 'w') {
            attributes.append(" WINDOW");
        }
        switch (p.volatility()) {
            case 'i' -> attributes.append(" IMMUTABLE");
            case 's' -> attributes.append(" STABLE");
            default -> { }
        }
        switch (p.parallel()) {
            case 's' -> attributes.append(" PARALLEL SAFE");
            case 'r' -> attributes.append(" PARALLEL RESTRICTED");
            default -> { }
        }
        if (p.strict()) {
            attributes.append(" STRICT");
        }
        if (p.securityDefiner()) {
            attributes.append(" SECURITY DEFINER");
        }
        if (p.leakproof()) {
            attributes.append(" LEAKPROOF");
        }
        float defaultCost = p.language() == ProcEntry.LANGUAGE_INTERNAL || p.language() == 13 ? 1 : 100;
        if (p.cost() != defaultCost) {
            attributes.append(" COST ").append(number(p.cost()));
        }
        if (p.rows() > 0 && p.rows() != 1000) {
            attributes.append(" ROWS ").append(number(p.rows()));
        }
        if (!attributes.isEmpty()) {
            out.append(attributes).append('\n');
        }
        for (String item : p.config()) {
            out.append(setClause(item)).append('\n');
        }
        String body = p.sqlBody() != null && !p.sqlBody().isEmpty() ? null : p.source();
        if (body == null) {
            return out.append(p.sqlBody()).append('\n').toString();
        }
        String tag = procedure ? "procedure" : "function";
        while (body.contains("$" + tag + "$")) {
            tag = tag + "_";
        }
        return out.append("AS $").append(tag).append('$').append(body).append('$').append(tag).append("$\n")
                .toString();
    }

    /** Settings whose value is a list of names: each item is shown as a literal of its own. */
    private static final java.util.Set<String> LIST_SETTINGS = java.util.Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "shared_preload_libraries", "local_preload_libraries");

    /** A proconfig item as pg_get_functiondef shows it: SET name TO 'value' (list settings item by item). */
    private static String setClause(String item) {
        int eq = item.indexOf('=');
        String name = item.substring(0, eq);
        String value = item.substring(eq + 1);
        StringBuilder out = new StringBuilder(" SET ").append(Identifiers.quoteIfNeeded(name)).append(" TO ");
        if (!LIST_SETTINGS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            return out.append(literal(value)).toString();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
            }
            parts.add(literal(s));
        }
        return out.append(String.join(", ", parts)).toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
    }
}
