package org.lakepg.server.session;

import java.util.List;
import java.util.function.Supplier;
import org.lakepg.server.auth.Role;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PolicyCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Whether row-level security applies to the current role's use of a table, and with which policies (PostgreSQL's
 * check_enable_rls and the policies' role lists): not to superusers and BYPASSRLS roles, nor to the owner unless
 * the table FORCEs it; with row_security off a query it would affect fails instead.
 */
final class RowSecurityRules {
    private final ObjectCatalog objects;
    private final RoleAccess roles;
    private final Privileges privileges;
    private final SessionSettings settings;
    private final Supplier<Snapshot> snapshot;

    RowSecurityRules(ObjectCatalog objects, RoleAccess roles, Privileges privileges, SessionSettings settings,
                     Supplier<Snapshot> snapshot) {
        this.objects = objects;
        this.roles = roles;
        this.privileges = privileges;
        this.settings = settings;
        this.snapshot = snapshot;
    }

    /** The policies for the current role, or null when row security does not apply. */
    List<PolicyCatalog.Policy> applying(TableInfo table) {
        Snapshot s = snapshot.get();
        PolicyCatalog.Switches switches = objects.policies().switches(s, table.oid());
        if (!switches.enabled()) {
            return null;
        }
        Role current = roles.currentRole();
        if (current.superuser() || current.bypassRls()) {
            return null;
        }
        if (roles.hasPrivilegesOf(privileges.tableOwner(s, table.oid())) && !switches.forced()) {
            return null;
        }
        if ("off".equals(settings.get("row_security"))) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                    "query would be affected by row-level security policy for table \"%s\"", table.name());
        }
        return objects.policies().forTable(s, table.oid()).stream()
                .filter(p -> p.roles().stream().anyMatch(r -> r == PrivilegeCatalog.PUBLIC
                        || roles.roles().hasPrivilegesOf(current.oid(), r)))
                .toList();
    }
}
