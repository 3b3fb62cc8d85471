package org.lakepg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.CatalogHeap;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Storage;
import org.lakepg.storage.Timeline;

/**
 * What every database of the cluster shares (roles, memberships, role and database settings), kept in the store
 * like any catalog: WAL-logged pages of the hidden timeline {@value #TIMELINE}, created and opened through the same
 * storage contract as databases. So a compute restarted on an empty data directory finds them again.
 * Each kind of state is a section of text lines, replaced whole (in one committed transaction) on every change.
 */
public final class SharedCatalog {
    /** The hidden timeline; its name cannot be a database's (those never start with '@'). */
    public static final String TIMELINE = "@global";
    /** Reserved relation of the section lines (see ReservedRelations). */
    static final int RELATION = 29;
    private final TransactionManager txns;
    private final CatalogHeap lines;

    private SharedCatalog(TransactionManager txns, CatalogHeap lines) {
        this.txns = txns;
        this.lines = lines;
    }

    /** Opens @global, creating its timeline and heap on a new store. */
    static SharedCatalog open(Storage storage, int bufferPages) {
        Timeline timeline = storage.timelines().byName(TIMELINE)
                .orElseGet(() -> storage.timelines().createTimeline(TIMELINE));
        var at = storage.wal().insertLsn(timeline.id());
        BufferCache cache = new BufferCache(storage.pages(), timeline.id(), bufferPages, at);
        TransactionManager txns = new TransactionManager(cache, new PageWriter(storage.wal(), timeline.id()));
        boolean exists = storage.pages().relationExists(timeline.id(), RELATION, ForkNumber.MAIN, at);
        CatalogHeap heap = CatalogHeap.open(AccessContext.of(txns), RELATION, "lakepg_shared", exists,
                TypeOids.TEXT, TypeOids.INT4, TypeOids.TEXT);
        return new SharedCatalog(txns, heap);
    }

    /** Whether a timeline name is @global's (or any other hidden one), never a database. */
    public static boolean isHidden(String timelineName) {
        return timelineName.startsWith("@");
    }

    /** The lines of a section as last committed; empty when it was never written. */
    public synchronized List<String> read(String section) {
        Transaction txn = txns.begin();
        try {
            List<Object[]> rows = new ArrayList<>(lines.rows(txn.snapshot(), r -> r[0].equals(section)));
            rows.sort((a, b) -> Integer.compare((Integer) a[1], (Integer) b[1]));
            return rows.stream().map(r -> (String) r[2]).toList();
        } finally {
            txn.rollback();
        }
    }

    /** Replaces a section's lines and commits (durably, as a database commit) before returning. */
    public void write(String section, List<String> content) {
        write(java.util.Map.of(section, content));
    }

    /** Replaces the lines of several sections in one transaction: all are stored, or none. */
    public synchronized void write(java.util.Map<String, List<String>> sections) {
        Transaction txn = txns.begin();
        boolean done = false;
        try {
            for (var section : sections.entrySet()) {
                lines.delete(txn, r -> r[0].equals(section.getKey()));
                List<String> content = section.getValue();
                for (int i = 0; i < content.size(); i++) {
                    lines.insert(txn, section.getKey(), i, content.get(i));
                }
            }
            txn.commit();
            done = true;
        } finally {
            if (!done) {
                txn.rollback();
            }
        }
    }

    /**
     * Imports a file of the data directory an older lakepg kept a section in, once: when the section is still empty
     * its lines are stored; the file is renamed {@code *.migrated} either way so it is never read again.
     */
    public synchronized void migrate(String section, Path oldFile) {
        if (!Files.exists(oldFile)) {
            return;
        }
        try {
            if (read(section).isEmpty()) {
                write(section, Files.readAllLines(oldFile, StandardCharsets.UTF_8));
            }
            Files.move(oldFile, oldFile.resolveSibling(oldFile.getFileName() + ".migrated"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate " + oldFile, e);
        }
    }
}
