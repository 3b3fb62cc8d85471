package org.lakepg.server.session;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.function.LargeObjectAccess;
import org.lakepg.server.largeobject.LargeObjectStore;
import org.lakepg.server.largeobject.LargeObjectStore.Page;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One session's large object work, after PostgreSQL's be-fsstubs.c and inv_api.c: descriptors are numbered from 0,
 * belong to the transaction that opened them and are closed when it ends. A descriptor opened for reading only reads
 * at the snapshot of its lo_open; one opened for writing sees the transaction's latest writes. Access follows
 * lo_compat_privileges = off: reading needs SELECT on the object, writing SELECT and UPDATE (GRANT ... ON LARGE
 * OBJECT), unlinking its ownership.
 */
final class SessionLargeObjects implements LargeObjectAccess {
    static final int INV_WRITE = 0x20000;
    static final int INV_READ = 0x40000;
    /** PostgreSQL's MAX_LARGE_OBJECT_SIZE: INT_MAX pages. */
    static final long MAX_SIZE = (long) Integer.MAX_VALUE * LargeObjectStore.PAGE_SIZE;
    private static final int PAGE = LargeObjectStore.PAGE_SIZE;
    /** PostgreSQL's MaxAllocSize: no value is larger. */
    private static final long MAX_ALLOC = 0x3FFFFFFF;
    private static final int EXPORT_CHUNK = 1 << 20;

    private final Supplier<ObjectCatalog> objects;
    private final Supplier<Transaction> transaction;
    private final LongSupplier newOid;
    private final RoleAccess roles;
    private final BooleanSupplier readOnly;
    private final List<Descriptor> descriptors = new ArrayList<>();

    /** An open large object: its position, whether it may write, the snapshot a read-only one reads at. */
    private static final class Descriptor {
        final long oid;
        final boolean writable;
        final Snapshot snapshot;
        long offset;

        Descriptor(long oid, boolean writable, Snapshot snapshot) {
            this.oid = oid;
            this.writable = writable;
            this.snapshot = snapshot;
        }
    }

    SessionLargeObjects(Supplier<ObjectCatalog> objects, Supplier<Transaction> transaction, LongSupplier newOid,
                        RoleAccess roles, BooleanSupplier readOnly) {
        this.objects = objects;
        this.transaction = transaction;
        this.newOid = newOid;
        this.roles = roles;
        this.readOnly = readOnly;
    }

    /** The transaction ended: its descriptors are gone. */
    void closeAll() {
        descriptors.clear();
    }

    @Override
    public long create(long oid) {
        requireWritable("lo_create()");
        long chosen = oid == 0 ? newOid.getAsLong() : oid;
        store().create(transaction.get(), chosen, roles.currentRoleOid());
        return chosen;
    }

    @Override
    public int open(long oid, int mode) {
        boolean write = (mode & INV_WRITE) != 0;
        if (!write && (mode & INV_READ) == 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid flags for opening a large object: %d",
                    mode);
        }
        if (write) {
            requireWritable("lo_open(INV_WRITE)");
        }
        Transaction txn = transaction.get();
        Snapshot snapshot = txn.snapshot();
        requireAccess(snapshot, oid, write ? "rw" : "r");
        Descriptor d = new Descriptor(oid, write, write ? null : snapshot);
        int free = descriptors.indexOf(null);
        if (free >= 0) {
            descriptors.set(free, d);
            return free;
        }
        descriptors.add(d);
        return descriptors.size() - 1;
    }

    @Override
    public void close(int fd) {
        descriptor(fd);
        descriptors.set(fd, null);
    }

    @Override
    public byte[] read(int fd, int length) {
        Descriptor d = descriptor(fd);
        byte[] bytes = readAt(snapshotOf(d), d.oid, d.offset, Math.max(length, 0));
        d.offset += bytes.length;
        return bytes;
    }

    @Override
    public int write(int fd, byte[] data) {
        Descriptor d = descriptor(fd);
        requireWritable("lowrite()");
        if (!d.writable) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "large object descriptor %d was not opened for writing", fd);
        }
        writeAt(d.oid, d.offset, data);
        d.offset += data.length;
        return data.length;
    }

    @Override
    public long seek(int fd, long offset, int whence) {
        Descriptor d = descriptor(fd);
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> d.offset;
            case 2 -> size(snapshotOf(d), d.oid);
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid whence setting: %d", whence);
        };
        long target = base + offset;
        if (target < 0 || target > MAX_SIZE) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid large object seek target: %d", target);
        }
        d.offset = target;
        return target;
    }

    @Override
    public long tell(int fd) {
        return descriptor(fd).offset;
    }

    @Override
    public void truncate(int fd, long length) {
        Descriptor d = descriptor(fd);
        requireWritable("lo_truncate()");
        if (!d.writable) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "large object descriptor %d was not opened for writing", fd);
        }
        if (length < 0 || length > MAX_SIZE) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid large object truncation target: %d",
                    length);
        }
        Transaction txn = transaction.get();
        int pageno = (int) (length / PAGE);
        int keep = (int) (length % PAGE);
        // the page holding the new end keeps its first bytes (a hole there becomes a page of zeros) and marks the end
        byte[] last = new byte[keep];
        for (Page page : store().pages(txn.snapshot(), d.oid, pageno, pageno)) {
            System.arraycopy(page.data(), 0, last, 0, Math.min(keep, page.data().length));
        }
        store().deletePages(txn, d.oid, pageno + 1);
        store().writePage(txn, d.oid, pageno, last);
    }

    @Override
    public void unlink(long oid) {
        requireWritable("lo_unlink()");
        Transaction txn = transaction.get();
        long owner = owner(txn.snapshot(), oid);
        if (!roles.hasPrivilegesOf(owner)) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of large object %d", oid);
        }
        for (int fd = 0; fd < descriptors.size(); fd++) {
            if (descriptors.get(fd) != null && descriptors.get(fd).oid == oid) {
                descriptors.set(fd, null);
            }
        }
        store().unlink(txn, oid);
        objects.get().comments().dropAll(txn, CatalogClasses.PG_LARGEOBJECT, oid);
        objects.get().privileges().dropAll(txn, CatalogClasses.PG_LARGEOBJECT, oid);
    }

    @Override
    public byte[] get(long oid, long offset, Integer length) {
        Snapshot snapshot = transaction.get().snapshot();
        requireAccess(snapshot, oid, "r");
        long size = size(snapshot, oid);
        long wanted = length == null ? Math.max(size - offset, 0) : length;
        if (wanted > MAX_ALLOC - 4) { // MaxAllocSize less the varlena header
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "large object read request is too large");
        }
        return readAt(snapshot, oid, offset, (int) Math.max(wanted, 0));
    }

    @Override
    public void put(long oid, long offset, byte[] data) {
        requireWritable("lo_put()");
        requireAccess(transaction.get().snapshot(), oid, "rw");
        writeAt(oid, offset, data);
    }

    @Override
    public long importFile(String path, long oid) {
        requireSuperuser("lo_import");
        requireWritable("lo_import()");
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw fileError("could not open server file \"%s\": %s", path, e);
        }
        long created = create(oid);
        writeAt(created, 0, content);
        return created;
    }

    @Override
    public void exportFile(long oid, String path) {
        requireSuperuser("lo_export");
        Snapshot snapshot = transaction.get().snapshot();
        requireAccess(snapshot, oid, "r");
        long size = size(snapshot, oid);
        java.io.OutputStream out;
        try {
            out = Files.newOutputStream(Path.of(path));
        } catch (IOException e) {
            throw fileError("could not create server file \"%s\": %s", path, e);
        }
        try (out) {
            // in pieces, as be_lo_export's loop: an object may be larger than any one value
            for (long at = 0; at < size; at += EXPORT_CHUNK) {
                out.write(readAt(snapshot, oid, at, (int) Math.min(EXPORT_CHUNK, size - at)));
            }
        } catch (IOException e) {
            throw fileError("could not write server file \"%s\": %s", path, e);
        }
    }

    // ---- reading and writing bytes ----------------------------------------------------------------------------

    /** The object's size: where its last page ends (0 without pages). */
    private long size(Snapshot snapshot, long oid) {
        return store().lastPage(snapshot, oid).map(p -> (long) p.pageno() * PAGE + p.data().length).orElse(0L);
    }

    /** Up to {@code length} bytes from {@code offset}, fewer at the end of the object; holes read as zeros. */
    private byte[] readAt(Snapshot snapshot, long oid, long offset, int length) {
        long end = Math.min(offset + length, size(snapshot, oid));
        if (end <= offset) {
            return new byte[0];
        }
        byte[] out = new byte[(int) (end - offset)];
        for (Page page : store().pages(snapshot, oid, (int) (offset / PAGE), (int) ((end - 1) / PAGE))) {
            long pageStart = (long) page.pageno() * PAGE;
            long from = Math.max(offset, pageStart);
            long to = Math.min(end, pageStart + page.data().length);
            if (from < to) {
                System.arraycopy(page.data(), (int) (from - pageStart), out, (int) (from - offset), (int) (to - from));
            }
        }
        return out;
    }

    private void writeAt(long oid, long offset, byte[] data) {
        if (offset + data.length > MAX_SIZE) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid large object write request size: %d",
                    data.length);
        }
        if (data.length == 0) {
            return;
        }
        Transaction txn = transaction.get();
        long end = offset + data.length;
        int first = (int) (offset / PAGE);
        int last = (int) ((end - 1) / PAGE);
        List<Page> existing = store().pages(txn.snapshot(), oid, first, last);
        int next = 0;
        for (int pageno = first; pageno <= last; pageno++) {
            byte[] old = new byte[0];
            if (next < existing.size() && existing.get(next).pageno() == pageno) {
                old = existing.get(next++).data();
            }
            long pageStart = (long) pageno * PAGE;
            int from = (int) (Math.max(offset, pageStart) - pageStart);
            int to = (int) (Math.min(end, pageStart + PAGE) - pageStart);
            byte[] bytes = new byte[Math.max(old.length, to)];
            System.arraycopy(old, 0, bytes, 0, old.length);
            System.arraycopy(data, (int) (pageStart + from - offset), bytes, from, to - from);
            store().writePage(txn, oid, pageno, bytes);
        }
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private LargeObjectStore store() {
        return objects.get().largeObjects();
    }

    private Descriptor descriptor(int fd) {
        if (fd < 0 || fd >= descriptors.size() || descriptors.get(fd) == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "invalid large-object descriptor: %d", fd);
        }
        return descriptors.get(fd);
    }

    private Snapshot snapshotOf(Descriptor d) {
        return d.snapshot != null ? d.snapshot : transaction.get().snapshot();
    }

    private long owner(Snapshot snapshot, long oid) {
        return store().find(snapshot, oid).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "large object %d does not exist", oid)).owner();
    }

    /** SELECT ('r') and for writing UPDATE ('w') on the object, as inv_open checks them. */
    private void requireAccess(Snapshot snapshot, long oid, String letters) {
        long owner = owner(snapshot, oid);
        Privileges privileges = new Privileges(objects.get(), roles);
        for (char letter : letters.toCharArray()) {
            if (!privileges.holds(snapshot, roles.currentRoleOid(), CatalogClasses.PG_LARGEOBJECT, oid, owner,
                    letter)) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for large object %d", oid);
            }
        }
    }

    private void requireWritable(String function) {
        if (readOnly.getAsBoolean()) {
            throw PgException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute %s in a read-only transaction",
                    function);
        }
    }

    /** lo_import and lo_export are executable by superusers only, as initdb leaves their pg_proc ACLs. */
    private void requireSuperuser(String function) {
        if (!roles.superuser()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for function %s", function);
        }
    }

    private static PgException fileError(String format, String path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return PgException.of(SqlState.UNDEFINED_FILE, format, path, "No such file or directory");
        }
        if (e instanceof AccessDeniedException) {
            return PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, format, path, "Permission denied");
        }
        if (Files.isDirectory(Path.of(path))) {
            return PgException.of(SqlState.WRONG_OBJECT_TYPE, format, path, "Is a directory");
        }
        return PgException.of(SqlState.IO_ERROR, format, path, e.getMessage());
    }
}
