package org.lakepg.analytics.snapshot;

import java.util.List;
import java.util.Objects;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.storage.Lsn;

/**
 * What makes up a table's columnar snapshot: the files covering heap pages {@code [0, pageCount)} exactly as they
 * were at {@code lsn}. Version n is also the table's Delta log version n. {@code tableId} stays the same across
 * versions (Delta's metaData.id).
 */
public record Manifest(String table, String tableId, long version, Lsn lsn, Schema schema, int pageCount,
                       List<DataFile> files) {

    public Manifest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(lsn, "lsn");
        Objects.requireNonNull(schema, "schema");
        files = List.copyOf(files);
        int expected = 0;
        for (DataFile f : files) {
            if (f.pages().from() != expected) {
                throw new IllegalArgumentException("files must cover pages [0, pageCount) in order; gap or overlap at "
                        + f.pages());
            }
            expected = f.pages().to();
        }
        if (expected != pageCount) {
            throw new IllegalArgumentException("files cover " + expected + " pages, table has " + pageCount);
        }
    }

    public long rowCount() {
        long rows = 0;
        for (DataFile f : files) {
            rows += f.rowCount();
        }
        return rows;
    }
}
