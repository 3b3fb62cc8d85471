package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * satisfies_hash_partition (PostgreSQL's partbounds.c): the row's key hashed the way PostgreSQL hashes it (each
 * column's extended hash function with the partition seed, combined by hash_combine64), so rows land in the same
 * hash partitions as in PostgreSQL. Lookup3 (Bob Jenkins' hash, hashfn.c) underneath.
 */
public final class PartitionHash {
    private PartitionHash() {}

    /** HASH_PARTITION_SEED. */
    public static final long SEED = 0x7A5B22367996DCFDL;

    public static void register(FunctionRegistry r) {
        r.register("satisfies_hash_partition", new TypedCode((x, types, c) -> {
            if (x[1] == null || x[2] == null) {
                return false;
            }
            int modulus = (Integer) x[1];
            int remainder = (Integer) x[2];
            long row = 0;
            for (int i = 3; i < x.length; i++) {
                if (x[i] instanceof org.lakepg.server.catalog.types.RowValue hashed) {
                    // hashed already by a user-defined operator class (PartitionBounds): NULL inside is a NULL key
                    if (hashed.size() > 0 && hashed.values()[0] != null) {
                        row = combine(row, ((Number) hashed.values()[0]).longValue());
                    }
                } else if (x[i] != null) {
                    row = combine(row, hash(types.of(i), x[i], SEED));
                }
            }
            return Long.remainderUnsigned(row, modulus) == remainder;
        }));
    }

    /** hash_combine64. */
    static long combine(long a, long b) {
        return a ^ (b + 0x49a0f4dd15e5a8e3L + (a << 54) + (a >>> 7));
    }

    /** The type's extended hash (its default hash operator class's support function 2). */
    static long hash(long type, Object value, long seed) {
        return switch (value) {
            case Integer i -> uint32(i, seed);
            case Short s -> uint32(s, seed);
            case Boolean b -> uint32(b ? 1 : 0, seed);
            case Long l when type == TypeOids.OID -> uint32((int) (long) l, seed);
            case Long l -> {
                int lo = (int) (long) l;
                int hi = (int) (l >>> 32);
                lo ^= l >= 0 ? hi : ~hi;
                yield uint32(lo, seed);
            }
            case String s -> bytes(s.getBytes(StandardCharsets.UTF_8), seed);
            case java.time.LocalDate d -> uint32((int) (d.toEpochDay() - 10957), seed);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "hash partitioning on type %s is not supported yet", value.getClass().getSimpleName());
        };
    }

    /** hash_uint32_extended. */
    static long uint32(int k, long seed) {
        int a = 0x9e3779b9 + 4 + 3923095;
        int b = a;
        int c = a;
        if (seed != 0) {
            a += (int) (seed >>> 32);
            b += (int) seed;
            int[] m = mix(a, b, c);
            a = m[0];
            b = m[1];
            c = m[2];
        }
        a += k;
        return fin(a, b, c);
    }

    /** hash_bytes_extended (the little-endian reading of the key). */
    static long bytes(byte[] k, long seed) {
        int len = k.length;
        int a = 0x9e3779b9 + len + 3923095;
        int b = a;
        int c = a;
        if (seed != 0) {
            a += (int) (seed >>> 32);
            b += (int) seed;
            int[] m = mix(a, b, c);
            a = m[0];
            b = m[1];
            c = m[2];
        }
        int p = 0;
        while (len >= 12) {
            a += word(k, p);
            b += word(k, p + 4);
            c += word(k, p + 8);
            int[] m = mix(a, b, c);
            a = m[0];
            b = m[1];
            c = m[2];
            p += 12;
            len -= 12;
        }
        // the lowest byte of c is reserved for the length
        switch (len) {
            case 11: c += (k[p + 10] & 0xff) << 24;
            case 10: c += (k[p + 9] & 0xff) << 16;
            case 9: c += (k[p + 8] & 0xff) << 8;
            case 8: b += (k[p + 7] & 0xff) << 24;
            case 7: b += (k[p + 6] & 0xff) << 16;
            case 6: b += (k[p + 5] & 0xff) << 8;
            case 5: b += k[p + 4] & 0xff;
            case 4: a += (k[p + 3] & 0xff) << 24;
            case 3: a += (k[p + 2] & 0xff) << 16;
            case 2: a += (k[p + 1] & 0xff) << 8;
            case 1: a += k[p] & 0xff;
            default: { }
        }
        return fin(a, b, c);
    }

    private static int word(byte[] k, int p) {
        return (k[p] & 0xff) | (k[p + 1] & 0xff) << 8 | (k[p + 2] & 0xff) << 16 | (k[p + 3] & 0xff) << 24;
    }

    private static int[] mix(int a, int b, int c) {
        a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
        a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        return new int[] {a, b, c};
    }

    private static long fin(int a, int b, int c) {
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return (long) b << 32 | (c & 0xffffffffL);
    }
}
