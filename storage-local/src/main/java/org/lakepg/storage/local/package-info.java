/** The embedded store: file WAL with group commit, layered page store, timelines. */
package org.lakepg.storage.local;
