package org.lakepg.server.sql.ast;

import java.util.List;

/** One partition key: a column or an expression, with collation and operator class. */
public record PartitionElem(String name, Expr expr, List<String> collation, List<String> opclass, int location) {}
