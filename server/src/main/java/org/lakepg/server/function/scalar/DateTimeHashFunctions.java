package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * Hash support of the time, timetz, timestamp(tz) and interval hash opclasses, bit-compatible
 * with PostgreSQL (hashint8 over Bob Jenkins' lookup3 final mix), so hash partitioning and hash
 * distribution agree with PostgreSQL's.
 */
public final class DateTimeHashFunctions {
    private DateTimeHashFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("time_hash", (x, c) -> hashInt8((Long) x[0]));
        r.register("timestamp_hash", (x, c) -> hashInt8((Long) x[0]));
        r.register("timetz_hash", (x, c) -> {
            PgTimeTz t = (PgTimeTz) x[0];
            return hashInt8(t.micros()) ^ PgHashBytes.hashUint32(-t.offsetSeconds());
        });
        r.register("interval_hash", (x, c) -> hashInt8(span((PgInterval) x[0])));
        r.register("time_hash_extended", (x, c) -> hashInt8Extended((Long) x[0], (Long) x[1]));
        r.register("timestamp_hash_extended", (x, c) -> hashInt8Extended((Long) x[0], (Long) x[1]));
        r.register("timetz_hash_extended", (x, c) -> {
            PgTimeTz t = (PgTimeTz) x[0];
            long seed = (Long) x[1];
            return hashInt8Extended(t.micros(), seed) ^ PgHashBytes.hashUint32Extended(-t.offsetSeconds(), seed);
        });
        r.register("interval_hash_extended", (x, c) -> hashInt8Extended(span((PgInterval) x[0]), (Long) x[1]));
    }

    /** The low 64 bits of interval_cmp_value, which is what PostgreSQL hashes. */
    private static long span(PgInterval v) {
        return v.micros() + (v.days() + v.months() * 30L) * DateTimeValues.USECS_PER_DAY;
    }

    /** hashint8: both halves folded into 32 bits, then hash_uint32. */
    static int hashInt8(long value) {
        return PgHashBytes.hashUint32(fold(value));
    }

    static long hashInt8Extended(long value, long seed) {
        return PgHashBytes.hashUint32Extended(fold(value), seed);
    }

    private static int fold(long value) {
        int low = (int) value;
        int high = (int) (value >>> 32);
        return low ^ (value >= 0 ? high : ~high);
    }
}
