package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Map;
import org.lakepg.server.systemcatalog.CatalogSources.RoleInfo;
import org.lakepg.server.systemcatalog.CatalogSources.SessionActivity;
import org.lakepg.server.systemcatalog.CatalogSources.SettingInfo;

/** Cluster-wide catalogs and views: databases, roles, settings, and the activity of live sessions. */
final class ServerRows {
    private ServerRows() {}

    private static final List<String> TEMPLATE_ACL = List.of("=c/postgres", "postgres=CTc/postgres");

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_database", ServerRows::pgDatabase);
        sources.put("pg_catalog.pg_authid", (catalog, out) -> roles(catalog, out, true));
        sources.put("pg_catalog.pg_roles", (catalog, out) -> roles(catalog, out, false));
        sources.put("pg_catalog.pg_user", ServerRows::pgUser);
        sources.put("pg_catalog.pg_auth_members", (catalog, out) -> {
            for (CatalogSources.MembershipRow m : PredefinedRoles.MEMBERSHIPS) {
                out.add().set("roleid", m.roleid()).set("member", m.member()).set("grantor", m.grantor())
                        .set("admin_option", m.adminOption());
            }
            for (CatalogSources.MembershipRow m : catalog.sources().roleMemberships()) {
                out.add().set("roleid", m.roleid()).set("member", m.member()).set("grantor", m.grantor())
                        .set("admin_option", m.adminOption());
            }
        });
        sources.put("pg_catalog.pg_db_role_setting", ServerRows::pgDbRoleSetting);
        sources.put("pg_catalog.pg_default_acl", (catalog, out) -> {
            for (CatalogSources.DefaultAclRow d : catalog.sources().defaultAcls()) {
                out.add().set("oid", d.oid()).set("defaclrole", d.role()).set("defaclnamespace", d.namespace())
                        .set("defaclobjtype", d.objtype()).set("defaclacl", d.acl());
            }
        });
        sources.put("pg_catalog.pg_settings", ServerRows::pgSettings);
        sources.put("pg_catalog.pg_stat_activity", ServerRows::pgStatActivity);
        sources.put("pg_catalog.pg_stat_database", ServerRows::pgStatDatabase);
    }

    private static void pgDatabase(CatalogView catalog, Rows out) {
        String collate = orDefault(catalog.sources().setting("lc_collate"), "C.UTF-8");
        String ctype = orDefault(catalog.sources().setting("lc_ctype"), "C.UTF-8");
        for (CatalogView.DatabaseInfo d : catalog.databases()) {
            boolean template = d.name().startsWith("template");
            out.add().set("oid", d.oid()).set("datname", d.name()).set("datdba", catalog.sources().databaseOwner(d.name()))
                    .set("encoding", 6).set("datlocprovider", 'c').set("datistemplate", template)
                    .set("datallowconn", !d.name().equals("template0")).set("datconnlimit", -1)
                    .set("datfrozenxid", 716).set("datminmxid", 1).set("dattablespace", 1663)
                    .set("datcollate", collate).set("datctype", ctype).set("datacl", template ? TEMPLATE_ACL : null);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void roles(CatalogView catalog, Rows out, boolean authid) {
        for (RoleInfo r : catalog.roles()) {
            Rows.Row row = out.add().set("oid", r.oid()).set("rolname", r.name()).set("rolsuper", r.superuser())
                    .set("rolinherit", r.inherit()).set("rolcreaterole", r.createRole()).set("rolcreatedb", r.createDb())
                    .set("rolcanlogin", r.canLogin()).set("rolreplication", r.replication())
                    .set("rolbypassrls", r.bypassRls()).set("rolconnlimit", r.connectionLimit());
            if (!authid) {
                row.set("rolpassword", "********");
            }
        }
    }

    private static void pgUser(CatalogView catalog, Rows out) {
        for (RoleInfo r : catalog.roles()) {
            if (r.canLogin()) {
                out.add().set("usename", r.name()).set("usesysid", r.oid()).set("usecreatedb", r.createDb())
                        .set("usesuper", r.superuser()).set("userepl", r.replication()).set("usebypassrls", r.bypassRls())
                        .set("passwd", "********");
            }
        }
    }

    private static void pgDbRoleSetting(CatalogView catalog, Rows out) {
        Map<String, Long> databaseOids = new java.util.HashMap<>();
        for (CatalogView.DatabaseInfo d : catalog.databases()) {
            databaseOids.put(d.name(), d.oid());
        }
        for (CatalogSources.RoleSettingRow s : catalog.sources().roleSettings()) {
            Long database = s.database() == null ? Long.valueOf(0) : databaseOids.get(s.database());
            if (database != null && !s.config().isEmpty()) {
                out.add().set("setdatabase", database).set("setrole", s.role()).set("setconfig", s.config());
            }
        }
    }

    private static void pgSettings(CatalogView catalog, Rows out) {
        for (SettingInfo s : catalog.sources().settings()) {
            out.add().set("name", s.name()).set("setting", s.setting()).set("unit", s.unit())
                    .set("category", s.category()).set("short_desc", s.shortDescription()).set("context", s.context())
                    .set("vartype", s.vartype()).set("source", s.source()).set("min_val", s.minValue())
                    .set("max_val", s.maxValue()).set("enumvals", s.enumValues()).set("boot_val", s.bootValue())
                    .set("reset_val", s.resetValue()).set("pending_restart", false);
        }
    }

    private static void pgStatActivity(CatalogView catalog, Rows out) {
        Map<String, Long> databases = new java.util.HashMap<>();
        catalog.databases().forEach(d -> databases.put(d.name(), d.oid()));
        for (SessionActivity s : catalog.sources().sessions()) {
            out.add().set("datid", databases.get(s.database())).set("datname", s.database()).set("pid", s.pid())
                    .set("usesysid", catalog.role(s.user()).map(RoleInfo::oid).orElse(null)).set("usename", s.user())
                    .set("application_name", s.applicationName()).set("client_addr", inet(s.clientAddress()))
                    .set("client_port", s.clientPort()).set("backend_start", s.backendStartMicros())
                    .set("xact_start", s.transactionStartMicros()).set("query_start", s.queryStartMicros())
                    .set("state_change", s.queryStartMicros()).set("state", s.state()).set("query", s.query())
                    .set("backend_type", "client backend");
        }
    }

    /** A client's address as the inet value pg_stat_activity.client_addr holds. */
    private static org.lakepg.wire.types.PgInet inet(String address) {
        if (address == null) {
            return null;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            return new org.lakepg.wire.types.PgInet(bytes.length == 4 ? org.lakepg.wire.types.PgInet.AF_INET
                    : org.lakepg.wire.types.PgInet.AF_INET6, bytes.length * 8, bytes);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static void pgStatDatabase(CatalogView catalog, Rows out) {
        for (CatalogView.DatabaseInfo d : catalog.databases()) {
            long backends = catalog.sources().sessions().stream().filter(s -> s.database().equals(d.name())).count();
            org.lakepg.server.stats.DatabaseStatistics s = catalog.sources().databaseStatistics(d.name());
            Rows.Row row = out.add();
            for (SystemColumn c : out.relation().columns()) {
                if (c.type() == 20 || c.type() == 701) {
                    row.set(c.name(), c.type() == 20 ? (Object) 0L : (Object) 0.0);
                }
            }
            row.set("checksum_failures", null);
            row.set("datid", d.oid()).set("datname", d.name()).set("numbackends", (int) backends)
                    .set("xact_commit", s.commits()).set("xact_rollback", s.rollbacks())
                    .set("tup_returned", s.tuplesReturned()).set("tup_fetched", s.tuplesFetched())
                    .set("tup_inserted", s.tuplesInserted()).set("tup_updated", s.tuplesUpdated())
                    .set("tup_deleted", s.tuplesDeleted());
        }
    }
}
