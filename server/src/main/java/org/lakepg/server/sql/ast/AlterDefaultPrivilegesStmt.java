package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * ALTER DEFAULT PRIVILEGES [FOR ROLE ...] [IN SCHEMA ...] GRANT/REVOKE ...; options are "roles" and
 * "schemas" DefElems, the action's objtype says TABLES/SEQUENCES/FUNCTIONS/ROUTINES/TYPES/SCHEMAS.
 */
public record AlterDefaultPrivilegesStmt(List<DefElem> options, GrantStmt action) implements Statement {
}
