package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE INDEX. */
public record IndexStmt(
        String idxname,
        RangeVar relation,
        String accessMethod,
        String tableSpace,
        List<IndexElem> indexParams,
        List<IndexElem> indexIncludingParams,
        List<DefElem> options,
        Expr whereClause,
        boolean unique,
        boolean nullsNotDistinct,
        boolean concurrent,
        boolean ifNotExists) implements Statement {}
