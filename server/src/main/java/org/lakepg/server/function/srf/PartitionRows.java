package org.lakepg.server.function.srf;

import java.util.Collections;
import java.util.List;

/**
 * pg_partition_ancestors: lakepg has no partitioned tables, so a table's only "ancestor" is itself (as PostgreSQL
 * answers for a table that is not a partition); anything else has none.
 */
final class PartitionRows {
    private PartitionRows() {}

    static void register(SetReturningFunctions r) {
        r.register("pg_partition_ancestors", (args, context) -> {
            long oid = ((Number) args[0]).longValue();
            boolean table = context.catalogView().tables().stream().anyMatch(t -> t.oid() == oid);
            return table ? List.<Object[]>of(new Object[] {oid}).iterator() : Collections.emptyIterator();
        });
    }
}
