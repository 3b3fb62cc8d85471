package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TABLE / INDEX / MATERIALIZED VIEW ALL IN TABLESPACE old [OWNED BY roles] SET TABLESPACE new [NOWAIT]. */
public record AlterTableMoveAllStmt(
        String origTablespacename,
        ObjectType objtype,
        List<RoleSpec> roles,
        String newTablespacename,
        boolean nowait) implements Statement {
}
