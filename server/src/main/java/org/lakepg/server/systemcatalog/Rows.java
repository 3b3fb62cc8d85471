package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows of a system relation by column name, so row sources read like the catalog's
 * documentation; a column a source does not set is NULL.
 */
public final class Rows {
    private final SystemRelation relation;
    private final List<Object[]> rows = new ArrayList<>();

    Rows(SystemRelation relation) {
        this.relation = relation;
    }

    /** Starts a new row. */
    public Row add() {
        Object[] values = new Object[relation.columns().size()];
        rows.add(values);
        return new Row(values);
    }

    /** Adds rows already in the relation's column order and value representation. */
    void addRaw(List<Object[]> raw) {
        for (Object[] r : raw) {
            rows.add(r.clone());
        }
    }

    SystemRelation relation() {
        return relation;
    }

    List<Object[]> rows() {
        return rows;
    }

    /** One row being filled. */
    public final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        public Row set(String column, Object value) {
            int i = relation.column(column);
            values[i] = CatalogValues.coerce(relation.columns().get(i), value);
            return this;
        }
    }
}
