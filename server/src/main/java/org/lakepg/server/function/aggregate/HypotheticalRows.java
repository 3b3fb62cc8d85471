package org.lakepg.server.function.aggregate;

import java.util.Comparator;
import java.util.List;

/**
 * The state a hypothetical-set aggregate's final function sees (rank(3) WITHIN GROUP (ORDER BY x)): the group's
 * argument rows sorted by the WITHIN GROUP order, that order, and the hypothetical row laid out like them.
 */
public record HypotheticalRows(List<Object[]> rows, Object[] hypothetical, Comparator<Object[]> order) {

    /** Rows sorting before the hypothetical one. */
    long preceding() {
        return rows.stream().filter(r -> order.compare(r, hypothetical) < 0).count();
    }

    /** Distinct (by the order) rows sorting before the hypothetical one. */
    long precedingDistinct() {
        long distinct = 0;
        Object[] previous = null;
        for (Object[] r : rows) {
            if (order.compare(r, hypothetical) >= 0) {
                break;
            }
            if (previous == null || order.compare(previous, r) != 0) {
                distinct++;
            }
            previous = r;
        }
        return distinct;
    }

    /** Rows sorting before the hypothetical one or equal to it. */
    long precedingOrPeers() {
        return rows.stream().filter(r -> order.compare(r, hypothetical) <= 0).count();
    }
}
