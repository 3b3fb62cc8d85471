package org.lakepg.server.session;

/**
 * The unit of an integer setting. Values are kept in the base unit; SHOW prints the largest unit
 * that divides the value evenly, as PostgreSQL does ("4MB", "1min", "1500ms").
 */
public enum Unit {
    NONE(null, 1),
    BYTE(Family.MEMORY, 1),
    KILOBYTE(Family.MEMORY, 1024),
    BLOCK_8K(Family.MEMORY, 8192),
    MICROSECOND(Family.TIME, 1),
    MILLISECOND(Family.TIME, 1_000),
    SECOND(Family.TIME, 1_000_000),
    MINUTE(Family.TIME, 60_000_000);

    enum Family { MEMORY, TIME }

    private static final String[] MEMORY_NAMES = {"B", "kB", "MB", "GB", "TB"};
    private static final long[] MEMORY_BYTES = {1L, 1L << 10, 1L << 20, 1L << 30, 1L << 40};
    private static final String[] TIME_NAMES = {"us", "ms", "s", "min", "h", "d"};
    private static final long[] TIME_MICROS = {1L, 1_000L, 1_000_000L, 60_000_000L, 3_600_000_000L, 86_400_000_000L};

    private final Family family;
    /** Size of one base unit, in bytes or microseconds. */
    private final long scale;

    Unit(Family family, long scale) {
        this.family = family;
        this.scale = scale;
    }

    /** pg_settings.unit */
    public String sqlName() {
        return switch (this) {
            case NONE -> null;
            case BYTE -> "B";
            case KILOBYTE -> "kB";
            case BLOCK_8K -> "8kB";
            case MICROSECOND -> "us";
            case MILLISECOND -> "ms";
            case SECOND -> "s";
            case MINUTE -> "min";
        };
    }

    String validUnitsHint() {
        return family == Family.MEMORY
                ? "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."
                : "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
    }

    /** Size in base units of the unit named {@code suffix}, or -1 if this parameter has no such unit. */
    double baseUnitsPer(String suffix) {
        if (family == null) {
            return -1;
        }
        String[] names = family == Family.MEMORY ? MEMORY_NAMES : TIME_NAMES;
        long[] sizes = family == Family.MEMORY ? MEMORY_BYTES : TIME_MICROS;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(suffix)) {
                return (double) sizes[i] / scale;
            }
        }
        return -1;
    }

    /** A value in base units as SHOW prints it. */
    String format(long value) {
        if (family == null || value <= 0) {
            return Long.toString(value);
        }
        String[] names = family == Family.MEMORY ? MEMORY_NAMES : TIME_NAMES;
        long[] sizes = family == Family.MEMORY ? MEMORY_BYTES : TIME_MICROS;
        for (int i = names.length - 1; i >= 0; i--) {
            if (sizes[i] < scale || sizes[i] % scale != 0) {
                continue;
            }
            long per = sizes[i] / scale;
            if (value % per == 0) {
                return (value / per) + names[i];
            }
        }
        // units smaller than the base unit (e.g. 8kB blocks): print in the base unit's own name
        return (value * scale / sizes[baseIndex(sizes)]) + names[baseIndex(sizes)];
    }

    private int baseIndex(long[] sizes) {
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (sizes[i] <= scale && scale % sizes[i] == 0) {
                return i;
            }
        }
        return 0;
    }
}
