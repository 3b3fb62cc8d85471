package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.AggregateCall;

/** The aggregate calls found while analyzing one query level; equal calls are computed once. */
final class AggregateCollector {
    private final List<AggregateCall> calls = new ArrayList<>();

    int add(AggregateCall call) {
        int existing = calls.indexOf(call);
        if (existing >= 0) {
            return existing;
        }
        calls.add(call);
        return calls.size() - 1;
    }

    List<AggregateCall> calls() {
        return calls;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }
}
