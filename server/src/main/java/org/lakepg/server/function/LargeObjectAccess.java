package org.lakepg.server.function;

/**
 * What the large object functions (lo_open, loread, lo_get, lo_import ...) need from the session: its database's
 * large objects and the descriptors it opened in the current transaction. Offsets and lengths are PostgreSQL's
 * (64-bit offsets; the 32-bit functions check their range themselves).
 */
public interface LargeObjectAccess {

    /** lo_create / lo_creat: a new empty object, with {@code oid} or (0) a fresh OID; returns the OID. */
    long create(long oid);

    /** lo_open: a descriptor for the object, valid until the transaction ends. */
    int open(long oid, int mode);

    void close(int fd);

    byte[] read(int fd, int length);

    int write(int fd, byte[] data);

    long seek(int fd, long offset, int whence);

    long tell(int fd);

    void truncate(int fd, long length);

    /** lo_unlink: removes the object (closing this transaction's descriptors of it). */
    void unlink(long oid);

    /** lo_get: {@code length} bytes from {@code offset}, or the rest of the object when {@code length} is null. */
    byte[] get(long oid, long offset, Integer length);

    /** lo_put. */
    void put(long oid, long offset, byte[] data);

    /** lo_import: a new object (with {@code oid}, or a fresh OID for 0) holding a server file. */
    long importFile(String path, long oid);

    /** lo_export: writes the object to a server file. */
    void exportFile(long oid, String path);
}
