package org.lakepg.server.sql.analyzer;

import org.lakepg.server.catalog.OperatorEntry;

/** A chosen operator with its operand and result types (polymorphic declarations replaced). */
public record ResolvedOperator(OperatorEntry operator, long leftType, long rightType, long resultType) {
}
