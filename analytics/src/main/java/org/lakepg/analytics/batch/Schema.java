package org.lakepg.analytics.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The columns of a batch or table, in order; names are unique. */
public record Schema(List<Column> columns) {

    public Schema {
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column name \"" + c.name() + "\"");
            }
        }
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column \"" + name + "\" does not exist");
    }

    /** The schema of the given columns, in the order given. */
    public Schema select(List<Integer> indexes) {
        List<Column> picked = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            picked.add(columns.get(i));
        }
        return new Schema(picked);
    }
}
