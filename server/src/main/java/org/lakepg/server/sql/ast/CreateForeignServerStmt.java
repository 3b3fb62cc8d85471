package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE SERVER [IF NOT EXISTS] name [TYPE 't'] [VERSION 'v'] FOREIGN DATA WRAPPER fdw [OPTIONS (...)]. */
public record CreateForeignServerStmt(
        String servername,
        String servertype,
        String version,
        String fdwname,
        boolean ifNotExists,
        List<DefElem> options) implements Statement {
}
