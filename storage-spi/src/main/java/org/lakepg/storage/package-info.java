/**
 * The storage contract between the compute and storage (DESIGN.md §2): LSNs, page keys, WAL records
 * and the one redo function, and the WAL, page, timeline and object-store services. JDK only.
 *
 * <p>The compute never writes pages: it appends {@link org.lakepg.storage.WalRecord}s to the
 * {@link org.lakepg.storage.WalService} and reads any page as of any LSN from the
 * {@link org.lakepg.storage.PageService}. Implementations are found with {@link java.util.ServiceLoader}
 * through {@link org.lakepg.storage.StorageProvider}; {@link org.lakepg.storage.Storage#load} picks one by name.
 */
package org.lakepg.storage;
