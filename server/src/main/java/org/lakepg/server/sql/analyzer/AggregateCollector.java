package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.AggregateCall;

/** The aggregate calls found while analyzing one query level; equal calls are computed once. */
final class AggregateCollector {
    private final List<AggregateCall> calls = new ArrayList<>();
    /** Where each call is first written, for errors about it. */
    private final List<Integer> locations = new ArrayList<>();

    int add(AggregateCall call, int location) {
        int existing = calls.indexOf(call);
        if (existing >= 0) {
            return existing;
        }
        calls.add(call);
        locations.add(location);
        return calls.size() - 1;
    }

    int location(int index) {
        return index < locations.size() ? locations.get(index) : -1;
    }

    List<AggregateCall> calls() {
        return calls;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }
}
