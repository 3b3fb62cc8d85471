package org.lakepg.server.sql.ast;

/** ALTER ... OWNER TO. */
public record AlterOwnerStmt(
        ObjectType objectType,
        RangeVar relation,
        Object object,
        RoleSpec newowner) implements Statement {}
