package org.lakepg.analytics.batch;

import java.util.ArrayList;
import java.util.List;

/** A set of rows stored column by column: one vector per schema column, all of {@link #rowCount()} rows. */
public record Batch(Schema schema, List<ColumnVector> columns, int rowCount) {

    public Batch {
        columns = List.copyOf(columns);
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException("batch has " + columns.size() + " vectors for " + schema.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnVector v = columns.get(i);
            if (v.size() != rowCount) {
                throw new IllegalArgumentException("vector " + i + " has " + v.size() + " rows, batch has " + rowCount);
            }
            if (v.type().kind() != schema.column(i).type().kind()) {
                throw new IllegalArgumentException("vector " + i + " holds " + v.type() + ", column is "
                        + schema.column(i).type());
            }
        }
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    /** Row {@code index}, boxed as the row engine holds it. */
    public Object[] row(int index) {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = columns.get(c).get(index);
        }
        return row;
    }

    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            rows.add(row(r));
        }
        return rows;
    }

    /** The rows at {@code positions[0..count)} (a filter's selection). */
    public Batch gather(int[] positions, int count) {
        List<ColumnVector> picked = new ArrayList<>(columns.size());
        for (ColumnVector v : columns) {
            picked.add(v.gather(positions, count));
        }
        return new Batch(schema, picked, count);
    }

    /** Only the given columns, in the order given (column pruning). */
    public Batch project(List<Integer> indexes) {
        List<ColumnVector> picked = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            picked.add(columns.get(i));
        }
        return new Batch(schema.select(indexes), picked, rowCount);
    }
}
