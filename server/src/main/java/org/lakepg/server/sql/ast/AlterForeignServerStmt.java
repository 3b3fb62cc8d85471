package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER SERVER name [VERSION 'v' | VERSION NULL] [OPTIONS (...)]; hasVersion tells whether VERSION was given. */
public record AlterForeignServerStmt(String servername, String version, List<DefElem> options, boolean hasVersion)
        implements Statement {
}
