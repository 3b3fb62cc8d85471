package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.objects.PolicyCatalog.Policy;
import org.lakepg.server.table.TableInfo;

/** pg_policy rows and the pg_policies view, from the row-level security catalog. */
final class PolicyRows {
    private PolicyRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_policy", (catalog, out) -> {
            for (Policy p : catalog.sources().policies()) {
                if (catalog.table(p.table()).isEmpty()) {
                    continue; // of a dropped table
                }
                out.add().set("oid", p.oid()).set("polname", p.name()).set("polrelid", p.table())
                        .set("polcmd", p.command()).set("polpermissive", p.permissive())
                        .set("polroles", org.lakepg.wire.types.PgArray.of(26, p.roles().toArray()))
                        .set("polqual", p.using()).set("polwithcheck", p.withCheck());
            }
        });
        sources.put("pg_catalog.pg_policies", (catalog, out) -> {
            for (Policy p : catalog.sources().policies()) {
                TableInfo table = catalog.table(p.table()).orElse(null);
                if (table == null) {
                    continue;
                }
                Object[] roles = p.roles().stream().map(r -> r == 0 ? "public" : catalog.roleName(r).orElse(
                        String.valueOf(r))).toArray();
                out.add().set("schemaname", catalog.namespaceName(table.namespace()).orElse(null))
                        .set("tablename", table.name()).set("policyname", p.name())
                        .set("permissive", p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                        .set("roles", org.lakepg.wire.types.PgArray.of(19, roles))
                        .set("cmd", switch (p.command()) {
                            case 'r' -> "SELECT";
                            case 'a' -> "INSERT";
                            case 'w' -> "UPDATE";
                            case 'd' -> "DELETE";
                            default -> "ALL";
                        })
                        .set("qual", p.using()).set("with_check", p.withCheck());
            }
        });
    }
}
