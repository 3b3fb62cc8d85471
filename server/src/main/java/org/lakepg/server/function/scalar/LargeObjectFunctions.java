package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.VoidType;

/**
 * The server-side large object functions of PostgreSQL's be-fsstubs.c, bound by their prosrc. The work is the
 * session's ({@link org.lakepg.server.function.LargeObjectAccess}); here only the SQL shapes: the 32-bit variants'
 * range checks and the results PostgreSQL returns (0 for success, 1 for lo_unlink and lo_export).
 */
final class LargeObjectFunctions {
    private LargeObjectFunctions() {}

    static void register(FunctionRegistry r) {
        r.register("be_lo_create", (x, c) -> c.largeObjects().create(oid(x[0])));
        r.register("be_lo_creat", (x, c) -> c.largeObjects().create(0));
        r.register("be_lo_open", (x, c) -> c.largeObjects().open(oid(x[0]), (Integer) x[1]));
        r.register("be_lo_close", (x, c) -> {
            c.largeObjects().close((Integer) x[0]);
            return 0;
        });
        r.register("be_loread", (x, c) -> c.largeObjects().read((Integer) x[0], (Integer) x[1]));
        r.register("be_lowrite", (x, c) -> c.largeObjects().write((Integer) x[0], (byte[]) x[1]));
        r.register("be_lo_lseek", (x, c) -> {
            int fd = (Integer) x[0];
            return int32(c.largeObjects().seek(fd, (Integer) x[1], (Integer) x[2]), "lo_lseek", fd);
        });
        r.register("be_lo_lseek64", (x, c) -> c.largeObjects().seek((Integer) x[0], (Long) x[1], (Integer) x[2]));
        r.register("be_lo_tell", (x, c) -> {
            int fd = (Integer) x[0];
            return int32(c.largeObjects().tell(fd), "lo_tell", fd);
        });
        r.register("be_lo_tell64", (x, c) -> c.largeObjects().tell((Integer) x[0]));
        r.register("be_lo_truncate", (x, c) -> {
            c.largeObjects().truncate((Integer) x[0], (Integer) x[1]);
            return 0;
        });
        r.register("be_lo_truncate64", (x, c) -> {
            c.largeObjects().truncate((Integer) x[0], (Long) x[1]);
            return 0;
        });
        r.register("be_lo_unlink", (x, c) -> {
            c.largeObjects().unlink(oid(x[0]));
            return 1;
        });
        r.register("be_lo_get", (x, c) -> c.largeObjects().get(oid(x[0]), 0, null));
        r.register("be_lo_get_fragment", (x, c) -> {
            int length = (Integer) x[2];
            if (length < 0) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "requested length cannot be negative");
            }
            return c.largeObjects().get(oid(x[0]), (Long) x[1], length);
        });
        r.register("be_lo_put", (x, c) -> {
            c.largeObjects().put(oid(x[0]), (Long) x[1], (byte[]) x[2]);
            return VoidType.VALUE;
        });
        r.register("be_lo_from_bytea", (x, c) -> {
            long oid = c.largeObjects().create(oid(x[0]));
            c.largeObjects().put(oid, 0, (byte[]) x[1]);
            return oid;
        });
        r.register("be_lo_import", (x, c) -> c.largeObjects().importFile((String) x[0], 0));
        r.register("be_lo_import_with_oid", (x, c) -> c.largeObjects().importFile((String) x[0], oid(x[1])));
        r.register("be_lo_export", (x, c) -> {
            c.largeObjects().exportFile(oid(x[0]), (String) x[1]);
            return 1;
        });
    }

    private static long oid(Object value) {
        return value instanceof Integer i ? Integer.toUnsignedLong(i) : (Long) value;
    }

    private static int int32(long value, String function, int fd) {
        if (value != (int) value) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "%s result out of range for large-object descriptor %d", function, fd);
        }
        return (int) value;
    }
}
