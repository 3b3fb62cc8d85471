package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * A type as written, normalized like PostgreSQL's grammar: SQL-standard names become [pg_catalog, int4] etc.;
 * {@code arrayBounds} holds -1 for {@code []}.
 */
public record TypeName(
        List<String> names,
        List<Expr> typmods,
        List<Integer> arrayBounds,
        boolean setof,
        boolean pctType,
        int location) {}
