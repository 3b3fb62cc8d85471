package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * CREATE FUNCTION / PROCEDURE; the body stays text in the "as" option, with its "language"; {@code sqlBody}
 * holds a SQL-standard body.
 */
public record CreateFunctionStmt(
        boolean isProcedure,
        boolean replace,
        List<String> funcname,
        List<FunctionParameter> parameters,
        TypeName returnType,
        List<DefElem> options,
        List<Statement> sqlBody) implements Statement {}
