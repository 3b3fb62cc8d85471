package org.lakepg.server.exec.operator;

import java.util.HashSet;
import java.util.Set;
import org.lakepg.server.access.heap.Tid;

/**
 * The heap tuples an index scan returned so far (two index entries can lead through one HOT chain to the same
 * tuple). Most scans return at most one row: the set is only made for the second.
 */
final class DistinctTids {
    private Tid first;
    private Set<Tid> more;

    /** True when the tuple was not seen before. */
    boolean add(Tid tid) {
        if (first == null) {
            first = tid;
            return true;
        }
        if (first.equals(tid)) {
            return false;
        }
        if (more == null) {
            more = new HashSet<>();
        }
        return more.add(tid);
    }
}
