/**
 * Transactions with PostgreSQL's semantics (DESIGN.md §3): xids, snapshots, a commit log in pages of a reserved
 * relation (so commit status is WAL-logged, versioned and branchable), row locks, savepoints, timeouts.
 *
 * <ul>
 *   <li><b>Commit</b> = commit-log bits plus a {@link org.lakepg.storage.TransactionMarker} in one WAL record, then
 *   (synchronous_commit on) waiting for {@code WalService.flush}; only then the xid leaves the running set, so no
 *   other transaction sees a commit that a crash could still undo. With synchronous_commit off the wait is skipped.</li>
 *   <li><b>Xid allocation</b> is logged in batches of 1024 (like PostgreSQL's nextXid), so a restarted compute never
 *   reuses an xid; xids of transactions that were running at a crash stay "in progress" in the commit log and,
 *   not being running, count as aborted.</li>
 *   <li><b>Isolation</b>: READ COMMITTED takes a snapshot per statement; REPEATABLE READ one per transaction and
 *   raises 40001 "could not serialize access due to concurrent update/delete" when it would change a row another
 *   transaction changed after its snapshot. SERIALIZABLE is accepted and runs as REPEATABLE READ (snapshot isolation:
 *   write skew is possible, unlike PostgreSQL's SSI). READ UNCOMMITTED is READ COMMITTED, as in PostgreSQL.</li>
 *   <li><b>Savepoints</b> get subtransaction xids on their first write (parents first); ROLLBACK TO marks them
 *   aborted in the commit log and releases the row locks taken since; RELEASE merges them into the parent.</li>
 *   <li><b>Waiting</b> (row locks, in-flight unique-key inserters, concurrent updaters) goes through
 *   {@link org.lakepg.server.txn.Deadline}: cancel and statement_timeout give 57014, lock_timeout and NOWAIT 55P03;
 *   a wait that would close a cycle in the wait-for graph fails at once with 40P01 "deadlock detected" (PostgreSQL
 *   checks after deadlock_timeout; the outcome — one of the transactions fails — is the same).</li>
 * </ul>
 */
package org.lakepg.server.txn;
