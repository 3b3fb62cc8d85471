package org.lakepg.analytics.snapshot;

/** A committed snapshot and what producing it cost: files (re)written and kept, heap pages decoded. */
public record MaterializeResult(Manifest manifest, int filesWritten, int filesKept, long pagesDecoded,
                                long bytesWritten) {
}
