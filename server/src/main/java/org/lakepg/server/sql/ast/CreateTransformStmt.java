package org.lakepg.server.sql.ast;

/** CREATE [OR REPLACE] TRANSFORM FOR type LANGUAGE lang (FROM SQL WITH FUNCTION f, TO SQL WITH FUNCTION g). */
public record CreateTransformStmt(boolean replace, TypeName typeName, String lang, ObjectWithArgs fromsql,
        ObjectWithArgs tosql) implements Statement {
}
