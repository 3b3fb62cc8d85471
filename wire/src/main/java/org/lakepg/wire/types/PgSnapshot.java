package org.lakepg.wire.types;

import java.util.List;

/** A pg_snapshot / txid_snapshot value: xmin, xmax and the in-progress xids between them, ascending. */
public record PgSnapshot(long xmin, long xmax, List<Long> xip) {

    public PgSnapshot {
        xip = List.copyOf(xip);
    }
}
