package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_DAY;
import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.time.ZoneId;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.IntervalType;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * timezone(zone, value), i.e. {@code value AT TIME ZONE zone}: a timestamp is read as local
 * time there (giving timestamptz), a timestamptz is shown as that zone's local time (giving
 * timestamp), a timetz is moved to the zone's offset now. The zone is a name or an interval.
 */
public final class TimeZoneFunctions {
    private TimeZoneFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("timestamp_zone", (x, c) -> {
            ZoneId dynamic = DateTimeZones.dynamicAbbreviationZone((String) x[0]);
            if (dynamic != null && DateTimeValues.isFinite((Long) x[1])) {
                // the abbreviation's meaning at the instant the local time has in its zone
                long local = (Long) x[1];
                long probe = local - DateTimeValues.offsetOfLocal(dynamic, local) * USECS_PER_SEC;
                return DateTimeValues.checkTimestamp(local - abbreviationOffset(dynamic, (String) x[0], probe)
                        * USECS_PER_SEC);
            }
            return localToUtc((Long) x[1], DateTimeZones.resolve((String) x[0]));
        });
        r.register("timestamptz_zone", (x, c) -> {
            ZoneId dynamic = DateTimeZones.dynamicAbbreviationZone((String) x[0]);
            if (dynamic != null && DateTimeValues.isFinite((Long) x[1])) {
                long utc = (Long) x[1];
                return DateTimeValues.checkTimestamp(utc + abbreviationOffset(dynamic, (String) x[0], utc)
                        * USECS_PER_SEC);
            }
            return utcToLocal((Long) x[1], DateTimeZones.resolve((String) x[0]));
        });
        r.register("timestamp_izone", (x, c) -> {
            long t = (Long) x[1];
            long seconds = intervalSeconds((PgInterval) x[0], c);
            return DateTimeValues.isFinite(t) ? DateTimeValues.checkTimestamp(t - seconds * USECS_PER_SEC) : t;
        });
        r.register("timestamptz_izone", (x, c) -> {
            long t = (Long) x[1];
            long seconds = intervalSeconds((PgInterval) x[0], c);
            return DateTimeValues.isFinite(t) ? DateTimeValues.checkTimestamp(t + seconds * USECS_PER_SEC) : t;
        });
        r.register("timetz_zone", (x, c) -> {
            ZoneId zone = DateTimeZones.resolve((String) x[0]);
            return move((PgTimeTz) x[1], DateTimeValues.offsetAt(zone, c.transactionStartMicros()));
        });
        r.register("timetz_izone", (x, c) -> move((PgTimeTz) x[1], (int) intervalSeconds((PgInterval) x[0], c)));
    }

    /** What a dynamic abbreviation meant at a timestamptz (its zone's offset then if it never used the name). */
    private static long abbreviationOffset(ZoneId zone, String abbreviation, long utc) {
        long epochSecond = Math.floorDiv(utc, USECS_PER_SEC) + 946_684_800L;
        Integer offset = org.lakepg.wire.types.ZoneAbbreviations.offsetAt(zone, abbreviation, epochSecond);
        return offset != null ? offset
                : zone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** timestamp AT TIME ZONE: the local time read in the zone. */
    static long localToUtc(long local, ZoneId zone) {
        if (!DateTimeValues.isFinite(local)) {
            return local;
        }
        return DateTimeValues.checkTimestamp(local - DateTimeValues.offsetOfLocal(zone, local) * USECS_PER_SEC);
    }

    /** timestamptz AT TIME ZONE: the wall-clock time in the zone. */
    static long utcToLocal(long utc, ZoneId zone) {
        if (!DateTimeValues.isFinite(utc)) {
            return utc;
        }
        return DateTimeValues.checkTimestamp(DateTimeValues.toLocal(utc, zone));
    }

    private static long intervalSeconds(PgInterval zone, FunctionContext c) {
        if (zone.months() != 0 || zone.days() != 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "interval time zone \"%s\" must not include months or days",
                    IntervalType.INSTANCE.formatText(zone, WireTypeIO.formatSettings(c)));
        }
        return zone.micros() / USECS_PER_SEC;
    }

    private static PgTimeTz move(PgTimeTz value, int newOffsetEast) {
        long time = value.micros() + (newOffsetEast - (long) value.offsetSeconds()) * USECS_PER_SEC;
        while (time < 0) {
            time += USECS_PER_DAY;
        }
        if (time >= USECS_PER_DAY) {
            time %= USECS_PER_DAY;
        }
        return new PgTimeTz(time, newOffsetEast);
    }
}
