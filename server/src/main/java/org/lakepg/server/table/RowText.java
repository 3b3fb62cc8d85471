package org.lakepg.server.table;

import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.types.FormatSettings;

/** Rows and keys as PostgreSQL shows them in error details: "(1, abc, null)" and "(a, b)=(1, abc)". */
public final class RowText {
    private RowText() {}

    public static String value(long type, Object value) {
        return value == null ? "null" : WireTypeIO.codec(type).formatTextUnchecked(value, FormatSettings.defaults());
    }

    /** The whole row, for "Failing row contains (...)." */
    public static String row(TableInfo table, Object[] row) {
        StringBuilder out = new StringBuilder("(");
        for (ColumnInfo c : table.columns()) {
            out.append(c.number() == 1 ? "" : ", ").append(value(c.type(), row[c.number() - 1]));
        }
        return out.append(')').toString();
    }

    /**
     * The row as a user who may see only some columns gets it: "(a, c) = (1, 3)" of the visible ones (positions),
     * the whole row when {@code visible} is null, null when no column is visible (PostgreSQL then gives no detail).
     */
    public static String row(TableInfo table, Object[] row, java.util.BitSet visible) {
        if (visible == null) {
            return row(table, row);
        }
        if (visible.isEmpty()) {
            return null;
        }
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (ColumnInfo c : table.columns()) {
            if (visible.get(c.number())) {
                names.append(names.isEmpty() ? "" : ", ").append(c.name());
                values.append(values.isEmpty() ? "" : ", ").append(value(c.type(), row[c.number() - 1]));
            }
        }
        return "(" + names + ") = (" + values + ")";
    }

    /** Column names and values of a key: "(a, b)=(1, 2)". */
    public static String key(TableInfo table, List<Short> attnums, Object[] row) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (short a : attnums) {
            ColumnInfo column = table.columns().get(a - 1);
            names.append(names.isEmpty() ? "" : ", ").append(column.name());
            values.append(values.isEmpty() ? "" : ", ").append(value(column.type(), row[a - 1]));
        }
        return "(" + names + ")=(" + values + ")";
    }
}
