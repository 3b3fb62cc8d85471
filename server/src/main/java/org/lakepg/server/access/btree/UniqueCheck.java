package org.lakepg.server.access.btree;

import java.util.function.Supplier;
import org.lakepg.server.access.heap.HeapRelation;

/**
 * How an insert into a unique index checks for duplicates: the constraint's name for the error, the heap the
 * entries point into (to tell live, dead and in-flight rows apart) and the error detail the SQL engine formats,
 * e.g. {@code Key (id)=(1) already exists.}
 */
public record UniqueCheck(String constraintName, HeapRelation heap, Supplier<String> detail) {
}
