package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER USER MAPPING FOR role SERVER name OPTIONS (...). */
public record AlterUserMappingStmt(RoleSpec user, String servername, List<DefElem> options) implements Statement {
}
