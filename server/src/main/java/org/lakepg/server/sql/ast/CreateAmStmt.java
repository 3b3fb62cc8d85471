package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE ACCESS METHOD name TYPE INDEX | TABLE HANDLER function; amtype 'i' or 't' as in pg_am. */
public record CreateAmStmt(String amname, List<String> handlerName, char amtype) implements Statement {
}
