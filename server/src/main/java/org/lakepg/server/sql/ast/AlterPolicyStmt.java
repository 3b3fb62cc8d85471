package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER POLICY name ON table [TO roles] [USING (qual)] [WITH CHECK (expr)]. */
public record AlterPolicyStmt(String policyName, RangeVar table, List<RoleSpec> roles, Expr qual, Expr withCheck)
        implements Statement {
}
