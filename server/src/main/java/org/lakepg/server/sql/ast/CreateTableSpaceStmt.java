package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE TABLESPACE name [OWNER role] LOCATION 'dir' [WITH (options)]. */
public record CreateTableSpaceStmt(String tablespacename, RoleSpec owner, String location, List<DefElem> options)
        implements Statement {
}
