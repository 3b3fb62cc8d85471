package org.lakepg.server.function.scalar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The clocks: now() / transaction_timestamp() (transaction start), statement_timestamp(),
 * clock_timestamp() and timeofday() (the real time), and to_timestamp(double precision) from
 * Unix epoch seconds.
 */
public final class DateTimeClockFunctions {
    private DateTimeClockFunctions() {}

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss", Locale.US);

    public static void register(FunctionRegistry r) {
        r.register("now", (x, c) -> c.transactionStartMicros());
        r.register("statement_timestamp", (x, c) -> c.statementStartMicros());
        r.register("clock_timestamp", (x, c) -> clockMicros());
        r.register("timeofday", (x, c) -> timeOfDay(c.timeZone()));
        r.register("float8_timestamptz", (x, c) -> fromUnixSeconds((Double) x[0]));
    }

    static long clockMicros() {
        Instant now = Instant.now();
        return (now.getEpochSecond() - DateTimeValues.UNIX_TO_POSTGRES_SECONDS) * DateTimeValues.USECS_PER_SEC
                + now.getNano() / 1000;
    }

    /** timeofday(): like "Thu Nov 26 07:30:00.123456 2026 UTC". */
    private static String timeOfDay(ZoneId zone) {
        long micros = clockMicros();
        LocalDateTime local = DateTimeValues.toLocalDateTime(DateTimeValues.toLocal(micros, zone));
        String abbreviation = DateTimeFormattingFunctions.abbreviation(zone, micros);
        return TIME_OF_DAY.format(local) + String.format(".%06d %d %s", local.getNano() / 1000, local.getYear(),
                abbreviation);
    }

    /** float8_timestamptz. */
    static long fromUnixSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds < 0 ? DateTimeValues.DT_NOBEGIN : DateTimeValues.DT_NOEND;
        }
        double min = 86400.0 * (0 - 2440588);
        double end = 86400.0 * (109203528 - 2440588);
        if (seconds < min || seconds >= end) {
            throw outOfRange(seconds);
        }
        double micros = Math.rint((seconds - DateTimeValues.UNIX_TO_POSTGRES_SECONDS) * DateTimeValues.USECS_PER_SEC);
        long result = (long) micros;
        if (!DateTimeValues.isValidTimestamp(result)) {
            throw outOfRange(seconds);
        }
        return result;
    }

    private static PgException outOfRange(double seconds) {
        return PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range: \"%s\"",
                DateTimeFloatText.g(seconds));
    }
}
