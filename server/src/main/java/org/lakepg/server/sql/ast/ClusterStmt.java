package org.lakepg.server.sql.ast;

import java.util.List;

/** CLUSTER [VERBOSE] [table [USING index]]. */
public record ClusterStmt(RangeVar relation, String indexname, List<DefElem> params) implements Statement {}
