package org.lakepg.server.exec.operator;

import java.util.List;

/** The rows of one window partition in window order, with their peer groups (rows equal in the ORDER BY keys). */
final class WindowPartition {
    final List<Object[]> rows;
    /** Each row's window keys (partition keys, then order keys). */
    final List<Object[]> keyed;
    /** Peer group of each row, from 0. */
    final int[] group;
    /** First row of each peer group, and the row after its last. */
    final int[] groupStart;
    final int[] groupEnd;

    WindowPartition(List<Object[]> rows, List<Object[]> keyed, RowComparator peers) {
        this.rows = rows;
        this.keyed = keyed;
        int n = rows.size();
        group = new int[n];
        int[] starts = new int[n + 1];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || peers.compare(keyed.get(i - 1), keyed.get(i)) != 0) {
                starts[groups++] = i;
            }
            group[i] = groups - 1;
        }
        groupStart = java.util.Arrays.copyOf(starts, groups);
        groupEnd = new int[groups];
        for (int g = 0; g < groups; g++) {
            groupEnd[g] = g + 1 < groups ? groupStart[g + 1] : n;
        }
    }

    int size() {
        return rows.size();
    }

    int groupCount() {
        return groupStart.length;
    }
}
