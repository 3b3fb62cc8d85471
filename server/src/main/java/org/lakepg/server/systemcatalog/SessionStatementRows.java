package org.lakepg.server.systemcatalog;

import java.util.Map;

/** What a session holds between statements: its prepared statements and its cursors. */
final class SessionStatementRows {
    private SessionStatementRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_prepared_statements", (catalog, out) -> {
            for (CatalogSources.PreparedStatementRow p : catalog.sources().preparedStatements()) {
                out.add().set("name", p.name()).set("statement", p.statement()).set("prepare_time", p.prepareTime())
                        .set("parameter_types", p.parameterTypes()).set("from_sql", p.fromSql())
                        .set("generic_plans", p.genericPlans()).set("custom_plans", p.customPlans());
            }
        });
        sources.put("pg_catalog.pg_cursors", (catalog, out) -> {
            for (CatalogSources.CursorRow c : catalog.sources().cursors()) {
                out.add().set("name", c.name()).set("statement", c.statement()).set("is_holdable", c.holdable())
                        .set("is_binary", c.binary()).set("is_scrollable", c.scrollable())
                        .set("creation_time", c.creationTime());
            }
        });
    }
}
