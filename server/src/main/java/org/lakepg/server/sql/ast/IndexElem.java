package org.lakepg.server.sql.ast;

import java.util.List;

/** An index column: a name or an expression, with collation, opclass, ordering. */
public record IndexElem(
        String name,
        Expr expr,
        String indexcolname,
        List<String> collation,
        List<String> opclass,
        List<DefElem> opclassopts,
        SortBy.SortDir ordering,
        SortBy.SortNulls nullsOrdering) {}
