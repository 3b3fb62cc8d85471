/**
 * The embedded store (storage provider "local"): a segmented file WAL with group commit ({@code wal}), a layered
 * page store — in-memory layer, immutable delta and image layer files ({@code layer}) — and timelines with O(1)
 * branches, checkpoints, compaction and garbage collection ({@code timeline}).
 *
 * <p>Files under the data directory:
 * <pre>
 * store.properties                       retention
 * timelines/&lt;id&gt;/timeline.properties     id, parent, branch LSN, name, created
 * timelines/&lt;id&gt;/wal/&lt;startLsn&gt;.seg      WAL segments (records framed with length + CRC32C)
 * timelines/&lt;id&gt;/layers/*.layer          immutable delta and image layers
 * timelines/&lt;id&gt;/checkpoint              which layers are live, and the LSN they cover
 * objects/                               the ObjectStore
 * </pre>
 */
package org.lakepg.storage.local;
