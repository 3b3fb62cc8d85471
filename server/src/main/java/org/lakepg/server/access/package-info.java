/**
 * The compute's storage engine (DESIGN.md §3): pages in a {@link org.lakepg.server.access.buffer.BufferCache},
 * every change logged through the {@link org.lakepg.server.access.wal.PageWriter}, heap tables
 * ({@link org.lakepg.server.access.heap.HeapRelation}), B+tree indexes
 * ({@link org.lakepg.server.access.btree.BTreeIndex}), sequences, vacuum and a verifier.
 *
 * <h2>Decisions worth remembering</h2>
 * <ul>
 *   <li><b>Generic WAL by diff.</b> An access method latches its pages exclusively, changes the bytes, and the page
 *   writer logs the difference against the before-image as byte-range patches (or a full image when most of the
 *   page changed) in one atomic {@link org.lakepg.storage.WalRecord}, appended before the latch is released.
 *   Storage therefore never needs to understand heap or B-tree layouts, and no access method can forget to log.
 *   A change set that is not committed restores its pages, so a failed append leaves nothing unlogged behind.</li>
 *   <li><b>No page LSN in the page.</b> pd_lsn stays zero: the buffer cache keeps each page's last-written LSN,
 *   so the bytes this compute holds are exactly the bytes storage redoes. Hint bits are set without logging (they
 *   only cache final commit-log answers); when a later logged change happens to carry them, they are still true.</li>
 *   <li><b>Last-written LSN cache.</b> A miss reads at the LSN of this compute's last change of that page (Neon's
 *   approach); a bounded map with a conservative fallback LSN for forgotten pages.</li>
 *   <li><b>64-bit xids</b>, so no wraparound and no freezing; tuple headers carry cmin and cmax separately instead
 *   of combo command ids (36-byte header).</li>
 *   <li><b>B-link tree.</b> Readers hold one latch at a time and move right past concurrent splits; a split keeps
 *   its pages latched until the downlink is in the parent (recursively up to a new root) and is logged as one
 *   record, so a crash never leaves an incomplete split. Entries are unique as (key, tid).</li>
 *   <li><b>Row locks in memory</b> ({@link org.lakepg.server.txn.RowLocks}): PostgreSQL keeps lockers in xmax and
 *   multixacts; with a single writing compute an in-memory table held to transaction end is equivalent and simpler.
 *   Updates and deletes still set xmax, which is what survives a crash.</li>
 *   <li><b>Free-space map in memory</b>: a hint (PostgreSQL's is not fully logged either); after a restart inserts
 *   go to the last page until pages are written or vacuumed.</li>
 * </ul>
 *
 * <h2>Contract for the executor</h2>
 * Index entries point to HOT chain roots: read them with
 * {@link org.lakepg.server.access.heap.HeapRelation#fetchThroughChain}, and insert index entries for an updated
 * row only if the new version is not heap-only ({@link org.lakepg.server.access.heap.HeapRelation#isHeapOnly}).
 * Re-check index conditions on fetched rows: a tid copied from an index just before VACUUM removed the entry and
 * reused the line pointer can lead to a different (invisible-to-the-snapshot, but possibly dirty-visible) row.
 * Under READ COMMITTED an update/delete/lock may return {@link org.lakepg.server.access.heap.WriteResult.Updated}:
 * re-fetch with {@link org.lakepg.server.access.heap.HeapRelation#fetchLatest}, re-check the WHERE clause and retry.
 */
package org.lakepg.server.access;
