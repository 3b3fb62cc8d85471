package org.lakepg.server.catalog.objects;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** COMMENT ON texts of a database's objects, as pg_description rows (objoid, classoid, objsubid, description). */
public final class CommentCatalog {
    static final int RELATION = 11;
    private final CatalogHeap heap;

    /** One pg_description row. */
    public record Comment(long objoid, long classoid, int objsubid, String description) {}

    CommentCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_description", exists, TypeOids.INT8, TypeOids.INT8,
                TypeOids.INT4, TypeOids.TEXT);
    }

    public List<Comment> comments(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(r -> new Comment((Long) r[0], (Long) r[1], (Integer) r[2],
                (String) r[3])).toList();
    }

    public Optional<String> find(Snapshot snapshot, long classoid, long objoid, int objsubid) {
        return comments(snapshot).stream().filter(c -> c.classoid() == classoid && c.objoid() == objoid
                && c.objsubid() == objsubid).map(Comment::description).findFirst();
    }

    /** Sets a comment; null or empty text removes it, as PostgreSQL's CreateComments does. */
    public void set(Transaction txn, long classoid, long objoid, int objsubid, String text) {
        heap.delete(txn, r -> r[0].equals(objoid) && r[1].equals(classoid) && r[2].equals(objsubid));
        if (text != null && !text.isEmpty()) {
            heap.insert(txn, objoid, classoid, objsubid, text);
        }
    }

    /** The comments of a dropped object (all its sub-objects too). */
    public void dropAll(Transaction txn, long classoid, long objoid) {
        heap.delete(txn, r -> r[0].equals(objoid) && r[1].equals(classoid));
    }
}
