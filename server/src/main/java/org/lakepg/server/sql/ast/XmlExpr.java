package org.lakepg.server.sql.ast;

import java.util.List;

/** An XML special-syntax function (xmlelement, xmlforest, ...) kept by name and arguments. */
public record XmlExpr(
        String op,
        String name,
        List<Expr> namedArgs,
        List<String> argNames,
        List<Expr> args,
        int location) implements Expr {}
