package org.lakepg.server.sql.ast;

import java.util.List;

/** A window: named, referencing another, or inline; frame options as PostgreSQL's FRAMEOPTION bits. */
public record WindowDef(
        String name,
        String refname,
        List<Expr> partitionClause,
        List<SortBy> orderClause,
        int frameOptions,
        Expr startOffset,
        Expr endOffset,
        int location) {}
