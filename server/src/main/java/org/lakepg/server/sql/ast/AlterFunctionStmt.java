package org.lakepg.server.sql.ast;

import java.util.List;

/** ALTER FUNCTION/PROCEDURE/ROUTINE name(args) actions. */
public record AlterFunctionStmt(ObjectType objtype, ObjectWithArgs func, List<DefElem> actions) implements Statement {}
