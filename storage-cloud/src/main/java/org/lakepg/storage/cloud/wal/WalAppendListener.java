package org.lakepg.storage.cloud.wal;

import java.util.List;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;

/**
 * Told about every record the compute appends, at once and in LSN order, before it is durable. In cloud mode the
 * compute serves its own recent pages from this (the pageserver only sees records once they are committed on the
 * safekeepers and it has ingested them, so it lags the compute).
 */
@FunctionalInterface
public interface WalAppendListener {

    void appended(TimelineId timeline, List<WalEntry> entries);
}
