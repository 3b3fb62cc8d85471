package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TABLESPACE name SET (options) / RESET (options). */
public record AlterTableSpaceOptionsStmt(String tablespacename, List<DefElem> options, boolean isReset)
        implements Statement {
}
