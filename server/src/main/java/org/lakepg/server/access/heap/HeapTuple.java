package org.lakepg.server.access.heap;

/** A tuple read from a heap: where it is, its (detoasted) payload and the xids that created and deleted it. */
public record HeapTuple(Tid tid, byte[] payload, long xmin, long xmax) {
}
