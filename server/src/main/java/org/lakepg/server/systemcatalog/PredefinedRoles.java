package org.lakepg.server.systemcatalog;

import java.util.List;
import org.lakepg.server.systemcatalog.CatalogSources.RoleInfo;

/** PostgreSQL 15's predefined roles (pg_authid rows every cluster has), with their fixed OIDs. */
final class PredefinedRoles {
    private PredefinedRoles() {}

    static final List<RoleInfo> ALL = List.of(
            new RoleInfo("pg_database_owner", 6171, false, false),
            new RoleInfo("pg_read_all_data", 6181, false, false),
            new RoleInfo("pg_write_all_data", 6182, false, false),
            new RoleInfo("pg_monitor", 3373, false, false),
            new RoleInfo("pg_read_all_settings", 3374, false, false),
            new RoleInfo("pg_read_all_stats", 3375, false, false),
            new RoleInfo("pg_stat_scan_tables", 3377, false, false),
            new RoleInfo("pg_read_server_files", 4569, false, false),
            new RoleInfo("pg_write_server_files", 4570, false, false),
            new RoleInfo("pg_execute_server_program", 4571, false, false),
            new RoleInfo("pg_signal_backend", 4200, false, false),
            new RoleInfo("pg_checkpoint", 4544, false, false));

    /** initdb's memberships among them: pg_monitor is a member of the three it bundles. */
    static final List<CatalogSources.MembershipRow> MEMBERSHIPS = List.of(
            new CatalogSources.MembershipRow(3374, 3373, 10, false),
            new CatalogSources.MembershipRow(3375, 3373, 10, false),
            new CatalogSources.MembershipRow(3377, 3373, 10, false));
}
