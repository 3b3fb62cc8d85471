package org.lakepg.analytics.snapshot;

import org.lakepg.analytics.parquet.ScanStats;

/** How a fresh read was served: files read whole from Parquet, files patched, heap pages decoded. */
public record FreshReadStats(int filesFromParquet, int filesPatched, long pagesDecoded, ScanStats parquet) {
}
