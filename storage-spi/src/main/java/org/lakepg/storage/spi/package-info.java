/** The storage contract between the compute and storage: LSNs, page keys, WAL records and redo, services. */
package org.lakepg.storage.spi;
