package org.lakepg.server.sql.ast;

import java.util.List;

/** IMPORT FOREIGN SCHEMA remote [LIMIT TO | EXCEPT (tables)] FROM SERVER s INTO local [OPTIONS (...)]. */
public record ImportForeignSchemaStmt(
        String serverName,
        String remoteSchema,
        String localSchema,
        ListType listType,
        List<RangeVar> tableList,
        List<DefElem> options) implements Statement {
    public enum ListType { ALL, LIMIT_TO, EXCEPT }
}
