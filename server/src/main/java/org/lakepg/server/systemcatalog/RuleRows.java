package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;

/** pg_rewrite rows of the CREATE RULE rules and the pg_rules view over them (with pg_get_ruledef's text). */
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
}
