package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgNumeric;

/**
 * Hash support functions of the string, uuid, float, numeric and jsonb types (hashtext, hashbpchar, uuid_hash,
 * hashfloat8 ... and their seeded "extended" forms), with PostgreSQL's values.
 */
public final class HashFunctions {
    private HashFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("hashtext", (x, c) -> PgHashBytes.hash(utf8(x[0])));
        r.register("hashtextextended", (x, c) -> PgHashBytes.hashExtended(utf8(x[0]), seed(x[1])));
        r.register("hashname", (x, c) -> PgHashBytes.hash(utf8(x[0])));
        r.register("hashnameextended", (x, c) -> PgHashBytes.hashExtended(utf8(x[0]), seed(x[1])));
        r.register("hashbpchar", (x, c) -> PgHashBytes.hash(bpchar(x[0])));
        r.register("hashbpcharextended", (x, c) -> PgHashBytes.hashExtended(bpchar(x[0]), seed(x[1])));
        r.register("uuid_hash", (x, c) -> PgHashBytes.hash(uuid((UUID) x[0])));
        r.register("uuid_hash_extended", (x, c) -> PgHashBytes.hashExtended(uuid((UUID) x[0]), seed(x[1])));
        r.register("hashfloat8", (x, c) -> float8Hash(((Number) x[0]).doubleValue(), 0, false));
        r.register("hashfloat4", (x, c) -> float8Hash(((Number) x[0]).doubleValue(), 0, false));
        r.register("hashfloat8extended", (x, c) -> float8Hash(((Number) x[0]).doubleValue(), seed(x[1]), true));
        r.register("hashfloat4extended", (x, c) -> float8Hash(((Number) x[0]).doubleValue(), seed(x[1]), true));
        r.register("hash_numeric", (x, c) -> (int) numericHash((PgNumeric) x[0], 0, false));
        r.register("hash_numeric_extended", (x, c) -> numericHash((PgNumeric) x[0], seed(x[1]), true));
        // bytea's hash opclass support (hashvarlena takes "internal", so only the executor calls it)
        r.register("hashvarlena", (x, c) -> PgHashBytes.hash((byte[]) x[0]));
        r.register("hashvarlenaextended", (x, c) -> PgHashBytes.hashExtended((byte[]) x[0], seed(x[1])));
        r.register("jsonb_hash", (x, c) -> jsonbHash((Jsonb) x[0]));
        r.register("jsonb_hash_extended", (x, c) -> jsonbHashExtended((Jsonb) x[0], seed(x[1])));
    }

    private static final int JB_FARRAY = 0x40000000;
    private static final int JB_FOBJECT = 0x20000000;

    private static boolean emptyContainer(Jsonb v) {
        return v instanceof Jsonb.Array a && a.elements().isEmpty() || v instanceof Jsonb.Obj o && o.members().isEmpty();
    }

    /** jsonb_hash: walks the tokens (a top-level scalar is a one-element array), rotating and XOR-ing scalar hashes. */
    private static int jsonbHash(Jsonb v) {
        if (emptyContainer(v)) {
            return 0;
        }
        int[] hash = {0};
        if (JsonbValues.isScalar(v)) {
            hash[0] ^= JB_FARRAY;
            scalarHash(v, hash);
        } else {
            walk(v, hash);
        }
        return hash[0];
    }

    private static void walk(Jsonb v, int[] hash) {
        switch (v) {
            case Jsonb.Array a -> {
                hash[0] ^= JB_FARRAY;
                a.elements().forEach(e -> walk(e, hash));
            }
            case Jsonb.Obj o -> {
                hash[0] ^= JB_FOBJECT;
                for (var member : o.members()) {
                    scalarHash(new Jsonb.Str(member.getKey()), hash);
                    walk(member.getValue(), hash);
                }
            }
            default -> scalarHash(v, hash);
        }
    }

    private static void scalarHash(Jsonb v, int[] hash) {
        int tmp = switch (v) {
            case Jsonb.Null n -> 0x01;
            case Jsonb.Str s -> PgHashBytes.hash(s.value().getBytes(StandardCharsets.UTF_8));
            case Jsonb.Number n -> (int) numericHash(n.value(), 0, false);
            case Jsonb.Bool b -> b.value() ? 0x02 : 0x04;
            default -> throw new IllegalStateException("not a scalar");
        };
        hash[0] = Integer.rotateLeft(hash[0], 1) ^ tmp;
    }

    private static long jsonbHashExtended(Jsonb v, long seed) {
        if (emptyContainer(v)) {
            return seed;
        }
        long[] hash = {0};
        if (JsonbValues.isScalar(v)) {
            hash[0] ^= ((long) JB_FARRAY << 32) | JB_FARRAY;
            scalarHashExtended(v, seed, hash);
        } else {
            walkExtended(v, seed, hash);
        }
        return hash[0];
    }

    private static void walkExtended(Jsonb v, long seed, long[] hash) {
        switch (v) {
            case Jsonb.Array a -> {
                hash[0] ^= ((long) JB_FARRAY << 32) | JB_FARRAY;
                a.elements().forEach(e -> walkExtended(e, seed, hash));
            }
            case Jsonb.Obj o -> {
                hash[0] ^= ((long) JB_FOBJECT << 32) | JB_FOBJECT;
                for (var member : o.members()) {
                    scalarHashExtended(new Jsonb.Str(member.getKey()), seed, hash);
                    walkExtended(member.getValue(), seed, hash);
                }
            }
            default -> scalarHashExtended(v, seed, hash);
        }
    }

    private static void scalarHashExtended(Jsonb v, long seed, long[] hash) {
        long tmp = switch (v) {
            case Jsonb.Null n -> seed + 0x01;
            case Jsonb.Str s -> PgHashBytes.hashExtended(s.value().getBytes(StandardCharsets.UTF_8), seed);
            case Jsonb.Number n -> numericHash(n.value(), seed, true);
            case Jsonb.Bool b -> seed != 0 ? PgHashBytes.hashUint32Extended(b.value() ? 1 : 0, seed)
                    : b.value() ? 0x02 : 0x04;
            default -> throw new IllegalStateException("not a scalar");
        };
        long h = hash[0];
        // ROTATE_HIGH_AND_LOW_32BITS: each 32-bit half rotates left by one
        h = ((h << 1) & 0xfffffffefffffffeL) | ((h >>> 31) & 0x100000001L);
        hash[0] = h ^ tmp;
    }

    /**
     * hash_numeric: the base-10000 digits (as PostgreSQL stores them, int16 each) without leading and
     * trailing zero digits, XOR the weight; scale and sign do not take part, so equal values hash alike.
     */
    private static long numericHash(PgNumeric v, long seed, boolean extended) {
        if (!v.isFinite()) {
            return extended ? seed : 0;
        }
        BigDecimal abs = v.value().abs().stripTrailingZeros();
        if (abs.signum() == 0) {
            return extended ? seed - 1 : -1;
        }
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        int fractionGroups = (abs.scale() + 3) / 4;
        BigInteger n = abs.movePointRight(fractionGroups * 4).toBigIntegerExact();
        java.util.List<Integer> groups = new java.util.ArrayList<>();
        BigInteger base = BigInteger.valueOf(10000);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            groups.add(0, qr[1].intValue());
            n = qr[0];
        }
        int weight = groups.size() - 1 - fractionGroups;
        while (groups.get(groups.size() - 1) == 0) {
            groups.remove(groups.size() - 1);
        }
        ByteBuffer digits = ByteBuffer.allocate(groups.size() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int g : groups) {
            digits.putShort((short) g);
        }
        if (extended) {
            return PgHashBytes.hashExtended(digits.array(), seed) ^ (long) weight;
        }
        return PgHashBytes.hash(digits.array()) ^ weight;
    }

    private static byte[] utf8(Object v) {
        return ((String) v).getBytes(StandardCharsets.UTF_8);
    }

    /** char(n) hashes without its trailing blanks, so that equal values hash alike. */
    private static byte[] bpchar(Object v) {
        return TextFunctions.stripTrailingSpaces((String) v).getBytes(StandardCharsets.UTF_8);
    }

    private static long seed(Object v) {
        return ((Number) v).longValue();
    }

    private static byte[] uuid(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    /** hashfloat8: zero (of either sign) hashes to zero (the seed), NaN to one value, others by their bytes. */
    private static Object float8Hash(double v, long seed, boolean extended) {
        if (v == 0.0) {
            return extended ? (Object) seed : (Object) 0;
        }
        if (Double.isNaN(v)) {
            v = Double.NaN;
        }
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
        return extended ? (Object) PgHashBytes.hashExtended(bytes, seed) : (Object) PgHashBytes.hash(bytes);
    }
}
