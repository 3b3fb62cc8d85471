package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE USER MAPPING [IF NOT EXISTS] FOR role SERVER name [OPTIONS (...)]; FOR USER is CURRENT_USER. */
public record CreateUserMappingStmt(RoleSpec user, String servername, boolean ifNotExists, List<DefElem> options)
        implements Statement {
}
