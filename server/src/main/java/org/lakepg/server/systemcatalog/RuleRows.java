package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;

/**
 * pg_rewrite rows of the CREATE RULE rules and of every view's and materialized view's _RETURN rule, and the
 * pg_rules view over the CREATE RULE ones (with pg_get_ruledef's text).
 */
final class RuleRows {
    private RuleRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_rewrite", (catalog, out) -> {
            for (RuleInfo r : catalog.sources().rules()) {
                // the rule's trees are not kept: the columns say only whether there is a condition
                out.add().set("oid", r.oid()).set("rulename", r.name()).set("ev_class", r.relid())
                        .set("ev_type", r.event()).set("ev_enabled", r.enabled()).set("is_instead", r.instead())
                        .set("ev_qual", "<>").set("ev_action", "()");
            }
            for (CatalogSources.ViewRow v : catalog.views()) {
                out.add().set("oid", returnRuleOid(v)).set("rulename", "_RETURN").set("ev_class", v.oid())
                        .set("ev_type", '1').set("ev_enabled", 'O').set("is_instead", true)
                        .set("ev_qual", "<>").set("ev_action", "()");
            }
        });
        sources.put("pg_catalog.pg_rules", (catalog, out) -> {
            for (RuleInfo r : catalog.sources().rules()) {
                var relation = catalog.relation(r.relid());
                if (relation.isEmpty()) {
                    continue;
                }
                out.add().set("schemaname", catalog.namespaceName(relation.get().namespace()).orElse("public"))
                        .set("tablename", relation.get().name()).set("rulename", r.name())
                        .set("definition", catalog.sources().ruleDefinition(r.oid(), false));
            }
        });
    }

    /**
     * A view's _RETURN rule takes the view's own OID: lakepg keeps no separate rule object for it, and OIDs come
     * from one counter, so no CREATE RULE rule can have that number.
     */
    static long returnRuleOid(CatalogSources.ViewRow view) {
        return view.oid();
    }
}
