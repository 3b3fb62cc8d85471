package org.lakepg.server.sql.ast;

import java.util.List;

/** GRANT/REVOKE privileges ON objects TO/FROM roles; privileges null means ALL. */
public record GrantStmt(
        boolean isGrant,
        String targtype,
        ObjectType objtype,
        List<Object> objects,
        List<AccessPriv> privileges,
        List<RoleSpec> grantees,
        boolean grantOption,
        RoleSpec grantor,
        DropBehavior behavior) implements Statement {}
