package org.lakepg.storage.cloud.pageserver;

import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;

/**
 * A WAL source that can drop WAL the pageserver no longer needs. The pageserver calls it with a timeline's
 * remote consistent LSN after each upload: everything at or below it is in S3, so a pageserver rebuilding from S3
 * never asks for it again.
 */
public interface WalTrimming {

    /** Drops the source's WAL of {@code timeline} at or below {@code upTo}; may do so lazily or not at all. */
    void trimUpTo(TimelineId timeline, Lsn upTo);
}
