package org.lakepg.server.sql.ast;

/** One step of indirection: a subscript or slice, a field name, or {@code .*}. */
public sealed interface Indirection permits AIndices, FieldName, AStar {
}
