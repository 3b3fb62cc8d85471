package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * CREATE AGGREGATE / OPERATOR / TYPE (base or shell) / COLLATION / TEXT SEARCH ...; for a new-style aggregate
 * {@code args} holds its FunctionParameters, with the String "ORDER BY" before the aggregated arguments of an
 * ordered-set aggregate.
 */
public record DefineStmt(
        ObjectType kind,
        boolean oldstyle,
        List<String> defnames,
        List<Object> args,
        List<DefElem> definition,
        boolean ifNotExists,
        boolean replace) implements Statement {}
