package org.lakepg.server.catalog.types;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.wire.types.PgType;

/**
 * The user types' definitions by OID for code that runs without a catalog at hand: the heap row codec, the
 * wire encoders and functions such as enum_lt. Filled when a type is created or altered and when a session's
 * catalog reads one, so a type is known here before any value of it is encoded or compared.
 * OIDs are unique within a database; databases of one process that reuse an OID for different types would
 * share this entry (a known limitation until codecs get the database's catalog).
 */
public final class UserTypeRegistry {
    private UserTypeRegistry() {}

    private static final Map<Long, UserType> BY_OID = new ConcurrentHashMap<>();
    private static final Map<Long, PgType<?>> CODECS = new ConcurrentHashMap<>();
    private static final PgType<?> RECORD_CODEC = new CompositeCodec(CompositeCodec.RECORD);
    private static final long RECORD_ARRAY = 2287;
    private static final PgType<?> RECORD_ARRAY_CODEC = new UserArrayCodec((int) RECORD_ARRAY, RECORD_CODEC,
            (int) CompositeCodec.RECORD);

    static {
        BuiltinDomains.ALL.forEach(UserTypeRegistry::publish); // their values are encoded as any domain's
    }

    public static void publish(UserType type) {
        UserType old = BY_OID.put(type.oid(), type);
        if (old == null || !old.equals(type)) {
            CODECS.remove(type.oid());
            CODECS.remove(type.arrayOid());
        }
        if (type.arrayOid() != 0) {
            BY_OID.put(type.arrayOid(), type);
        }
        if (type instanceof UserType.Range r) {
            BY_OID.put(r.multirangeOid(), type);
            BY_OID.put(r.multirangeArrayOid(), type);
            if (old == null || !old.equals(type)) {
                CODECS.remove(r.multirangeOid());
                CODECS.remove(r.multirangeArrayOid());
            }
        }
    }

    /** The type of this OID (or, for an array type's OID, its element type); null when unknown. */
    public static UserType find(long oid) {
        return BY_OID.get(oid);
    }

    /** The enum type of this OID, or 42704-like failure when it is not one. */
    public static UserType.Enum enumType(long oid) {
        if (BY_OID.get(oid) instanceof UserType.Enum e && e.oid() == oid) {
            return e;
        }
        throw new IllegalStateException("cache lookup failed for enum " + oid);
    }

    /** The codec of a user type or of its array; null when the OID is no user type. */
    public static PgType<?> codec(long oid) {
        if (oid == CompositeCodec.RECORD) {
            return RECORD_CODEC;
        }
        if (oid == RECORD_ARRAY) {
            return RECORD_ARRAY_CODEC;
        }
        UserType type = BY_OID.get(oid);
        if (type == null) {
            return BuiltinRangeCodecs.codec(oid);
        }
        PgType<?> codec = CODECS.get(oid);
        if (codec == null) {
            // not computeIfAbsent: building a codec may look up other user types' codecs
            codec = UserTypeCodecs.create(type, oid);
            CODECS.put(oid, codec);
        }
        return codec;
    }

    /** The user range type over an element type (the first one made, when several are), 0 when none. */
    public static long rangeOver(long subtype) {
        return BY_OID.values().stream().filter(t -> t instanceof UserType.Range r && r.subtype() == subtype)
                .mapToLong(UserType::oid).min().orElse(0);
    }
}
