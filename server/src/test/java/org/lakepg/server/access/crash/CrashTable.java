package org.lakepg.server.access.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.KeyComparator;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.verify.Verifier;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;

/**
 * The crash test's table on storage-local: rows {@code [writer:4][seq:8][kind:1][padding]} with an index on
 * (writer, seq). Kind COMMITTED rows are inserted by transactions that commit; ABORTED and IN_FLIGHT rows by
 * transactions that roll back or never finish. Each writer also keeps a counter row (seq -1) counting its
 * committed rows, updated in the same transactions.
 */
final class CrashTable {

    static final int HEAP = 16384;
    static final int TOAST = 16385;
    static final int INDEX = 16386;
    static final byte COMMITTED = 1;
    static final byte ABORTED = 2;
    static final byte IN_FLIGHT = 3;

    final Storage storage;
    final AccessFixture compute;
    final HeapRelation heap;
    final BTreeIndex index;

    private CrashTable(Storage storage, AccessFixture compute, HeapRelation heap, BTreeIndex index) {
        this.storage = storage;
        this.compute = compute;
        this.heap = heap;
        this.index = index;
    }

    /** Opens the store and the table, creating both on first use. */
    static CrashTable open(Path dataDir) {
        Storage storage = Storage.load("local", new StorageConfig(dataDir, Map.of("layer_size", String.valueOf(1 << 20))));
        Timeline timeline = storage.timelines().byName("main")
                .orElseGet(() -> storage.timelines().createTimeline("main"));
        AccessFixture compute = new AccessFixture(storage.wal(), storage.pages(), timeline.id(), 64);
        AccessContext ctx = compute.ctx;
        boolean exists = storage.pages().relationExists(timeline.id(), HEAP, ForkNumber.MAIN,
                storage.wal().insertLsn(timeline.id()));
        HeapOptions options = new HeapOptions(90, TOAST);
        HeapRelation heap = exists ? HeapRelation.open(ctx, HEAP, "crash", options)
                : HeapRelation.create(ctx, HEAP, "crash", options);
        BTreeIndex index = exists ? BTreeIndex.open(ctx, INDEX, "crash_pkey", KeyComparator.BYTEWISE)
                : BTreeIndex.create(ctx, INDEX, "crash_pkey", KeyComparator.BYTEWISE);
        return new CrashTable(storage, compute, heap, index);
    }

    static byte[] row(int writer, long seq, byte kind, int padding) {
        byte[] row = new byte[13 + padding];
        Bytes.i32(row, 0, writer);
        Bytes.i64(row, 4, seq);
        row[12] = kind;
        return row;
    }

    static int writer(byte[] row) {
        return Bytes.i32(row, 0);
    }

    static long seq(byte[] row) {
        return Bytes.i64(row, 4);
    }

    static byte kind(byte[] row) {
        return row[12];
    }

    static byte[] keyOf(byte[] row) {
        return KeyEncoding.key().addLong((long) writer(row)).addLong(seq(row)).build();
    }

    List<String> verify() {
        return Verifier.verify(heap, List.of(new Verifier.IndexKey(index, CrashTable::keyOf)));
    }

    void close() {
        storage.close();
    }
}
