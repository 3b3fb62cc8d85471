package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER TABLE / INDEX / SEQUENCE / VIEW / MATERIALIZED VIEW / FOREIGN TABLE with a list of subcommands. */
public record AlterTableStmt(
        RangeVar relation,
        List<AlterTableCmd> cmds,
        ObjectType objtype,
        boolean missingOk) implements Statement {}
