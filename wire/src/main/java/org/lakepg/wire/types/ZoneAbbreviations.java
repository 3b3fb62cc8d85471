package org.lakepg.wire.types;

import java.time.ZoneId;

/** What a dynamic zone abbreviation (MSK = Europe/Moscow) meant at an instant, for callers outside this package. */
public final class ZoneAbbreviations {
    private ZoneAbbreviations() {
    }

    /** Seconds east of UTC the abbreviation stood for at (or last before) the instant; null if never used. */
    public static Integer offsetAt(ZoneId zone, String abbreviation, long epochSecond) {
        return TzdbAbbreviations.offsetOf(zone, abbreviation, epochSecond);
    }
}
