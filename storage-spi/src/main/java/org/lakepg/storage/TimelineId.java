package org.lakepg.storage;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A timeline's identity: 128 random bits printed as 32 lowercase hex digits, like Neon's timeline ids. */
public record TimelineId(long high, long low) implements Comparable<TimelineId> {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static TimelineId random() {
        return new TimelineId(RANDOM.nextLong(), RANDOM.nextLong());
    }

    public static TimelineId parse(String text) {
        if (text.length() != 32) {
            throw new IllegalArgumentException("timeline id must be 32 hex digits: \"" + text + "\"");
        }
        try {
            return new TimelineId(HexFormat.fromHexDigitsToLong(text, 0, 16), HexFormat.fromHexDigitsToLong(text, 16, 32));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeline id must be 32 hex digits: \"" + text + "\"");
        }
    }

    @Override
    public int compareTo(TimelineId other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
