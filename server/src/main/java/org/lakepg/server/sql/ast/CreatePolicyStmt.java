package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE POLICY. */
public record CreatePolicyStmt(
        String policyName,
        RangeVar table,
        String cmdName,
        boolean permissive,
        List<RoleSpec> roles,
        Expr qual,
        Expr withCheck) implements Statement {}
