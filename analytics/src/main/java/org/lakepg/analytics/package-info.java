/** Columnar snapshots of tables at an LSN (Parquet + Delta log) and vectorized operators; arrives with the LTAP issue. */
package org.lakepg.analytics;
