package org.lakepg.server.sql.ast;

import java.util.List;

/** GRANT/REVOKE role TO/FROM role. */
public record GrantRoleStmt(
        List<AccessPriv> grantedRoles,
        List<RoleSpec> granteeRoles,
        boolean isGrant,
        boolean adminOpt,
        RoleSpec grantor,
        DropBehavior behavior) implements Statement {}
