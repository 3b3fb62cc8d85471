package org.lakepg.server.sql.ast;

import java.util.List;

/** {@code expr COLLATE name}; also used without arg in DDL. */
public record CollateClause(Expr arg, List<String> collname, int location) implements Expr {}
