package org.lakepg.server.access.btree;

import java.util.function.Function;
import java.util.function.Supplier;
import org.lakepg.server.access.heap.HeapRelation;

/**
 * How an insert into a unique index checks for duplicates: the constraint's name for the error, the heap the
 * entries point into (to tell live, dead and in-flight rows apart), the error detail the SQL engine formats, e.g.
 * {@code Key (id)=(1) already exists.}, and optionally the index key of a row's payload: with it, a heap row that
 * does not carry the key (its line pointer was reused after VACUUM removed the entry being checked) is ignored
 * instead of being taken for a duplicate.
 */
public record UniqueCheck(String constraintName, HeapRelation heap, Supplier<String> detail,
                          Function<byte[], byte[]> keyOf) {

    public UniqueCheck(String constraintName, HeapRelation heap, Supplier<String> detail) {
        this(constraintName, heap, detail, null);
    }
}
