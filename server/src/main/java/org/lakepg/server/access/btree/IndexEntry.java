package org.lakepg.server.access.btree;

import org.lakepg.server.access.heap.Tid;

/** One index entry: a key and the heap tuple (HOT chain root) it points to. */
public record IndexEntry(byte[] key, Tid tid) {
}
