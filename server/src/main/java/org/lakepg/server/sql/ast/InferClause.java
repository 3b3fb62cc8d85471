package org.lakepg.server.sql.ast;

import java.util.List;

/** The conflict target: index elements with WHERE, or ON CONSTRAINT name. */
public record InferClause(List<IndexElem> indexElems, Expr whereClause, String conname, int location) {}
