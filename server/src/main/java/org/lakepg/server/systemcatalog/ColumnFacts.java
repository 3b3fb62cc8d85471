package org.lakepg.server.systemcatalog;

/**
 * information_schema's per-type column facts (_pg_char_max_length, _pg_numeric_precision,
 * _pg_numeric_scale, _pg_datetime_precision ...) for a built-in type and typmod.
 */
final class ColumnFacts {
    private ColumnFacts() {}

    static void fill(Rows.Row row, long type, int typmod) {
        switch ((int) type) {
            case 1042, 1043 -> {
                if (typmod >= 0) {
                    row.set("character_maximum_length", typmod - 4).set("character_octet_length", (typmod - 4) * 4);
                } else {
                    row.set("character_octet_length", 1073741824);
                }
            }
            case 25 -> row.set("character_octet_length", 1073741824);
            case 21 -> numeric(row, 16, 2, 0);
            case 23 -> numeric(row, 32, 2, 0);
            case 20 -> numeric(row, 64, 2, 0);
            case 700 -> numeric(row, 24, 2, null);
            case 701 -> numeric(row, 53, 2, null);
            case 1700 -> {
                if (typmod >= 0) {
                    numeric(row, ((typmod - 4) >> 16) & 0xffff, 10, (int) (short) ((typmod - 4) & 0xffff));
                } else {
                    row.set("numeric_precision_radix", 10);
                }
            }
            case 1082 -> row.set("datetime_precision", 0);
            case 1083, 1266, 1114, 1184 -> row.set("datetime_precision", typmod >= 0 ? typmod : 6);
            case 1186 -> row.set("datetime_precision", typmod >= 0 && (typmod & 0xFFFF) != 0xFFFF ? typmod & 0xFFFF : 6);
            default -> { }
        }
    }

    private static void numeric(Rows.Row row, int precision, int radix, Integer scale) {
        row.set("numeric_precision", precision).set("numeric_precision_radix", radix).set("numeric_scale", scale);
    }
}
