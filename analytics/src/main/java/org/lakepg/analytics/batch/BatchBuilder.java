package org.lakepg.analytics.batch;

import java.util.ArrayList;
import java.util.List;

/** Turns rows (the server's decoded heap tuples, as {@code Object[]}) into a {@link Batch}. */
public final class BatchBuilder {

    private final Schema schema;
    private final VectorBuilder[] builders;
    private int rowCount;

    public BatchBuilder(Schema schema, int expectedRows) {
        this.schema = schema;
        this.builders = new VectorBuilder[schema.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = new VectorBuilder(schema.column(i).type(), expectedRows);
        }
    }

    public BatchBuilder(Schema schema) {
        this(schema, 1024);
    }

    public void add(Object[] row) {
        if (row.length != builders.length) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + builders.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            builders[i].add(row[i]);
        }
        rowCount++;
    }

    public int rowCount() {
        return rowCount;
    }

    public Batch build() {
        List<ColumnVector> vectors = new ArrayList<>(builders.length);
        for (VectorBuilder b : builders) {
            vectors.add(b.build());
        }
        return new Batch(schema, vectors, rowCount);
    }
}
