package org.lakepg.server.session;

import java.time.Instant;

/** Microseconds since 2000-01-01 UTC, PostgreSQL's timestamp epoch. */
final class SessionClock {
    private SessionClock() {}

    private static final long MICROS_2000 = 946_684_800_000_000L;

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - MICROS_2000;
    }
}
