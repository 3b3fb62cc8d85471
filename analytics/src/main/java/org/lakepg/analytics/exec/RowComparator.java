package org.lakepg.analytics.exec;

import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.plan.SortKey;

/** Compares rows of one batch by sort keys, with PostgreSQL's NULL placement and value order. */
final class RowComparator {

    private final ColumnVector[] columns;
    private final SortKey[] keys;

    RowComparator(Batch batch, List<SortKey> keys) {
        this.keys = keys.toArray(SortKey[]::new);
        this.columns = new ColumnVector[this.keys.length];
        for (int k = 0; k < this.keys.length; k++) {
            columns[k] = batch.column(this.keys[k].column());
        }
    }

    int compare(int a, int b) {
        for (int k = 0; k < keys.length; k++) {
            ColumnVector v = columns[k];
            boolean na = v.isNull(a);
            boolean nb = v.isNull(b);
            int c;
            if (na || nb) {
                if (na && nb) {
                    continue;
                }
                // NULLs sort as larger than any value unless NULLS FIRST; DESC reverses values, not NULL placement
                return na == keys[k].nullsFirst() ? -1 : 1;
            }
            c = switch (v) {
                case LongVector l -> Long.compare(l.at(a), l.at(b));
                case IntVector i -> Integer.compare(i.at(a), i.at(b));
                case DoubleVector d -> ValueOrder.compareDoubles(d.at(a), d.at(b));
                default -> ValueOrder.compare(v.get(a), v.get(b));
            };
            if (c != 0) {
                return keys[k].descending() ? -c : c;
            }
        }
        return 0;
    }
}
