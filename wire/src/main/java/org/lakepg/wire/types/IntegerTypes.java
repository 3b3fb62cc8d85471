package org.lakepg.wire.types;

/** Integer text input shared by int2/int4/int8 (pg_strtoint*): spaces, an optional sign, decimal digits. */
final class IntegerTypes {

    private IntegerTypes() {
    }

    /**
     * Parses within [min, max] like pg_strtoint16/32/64: digits accumulate negatively and an
     * overflow is reported at once, before any trailing junk ("32769x" is out of range,
     * "32768x" is a syntax error). Errors name the SQL type and quote the whole input.
     */
    static long parse(String text, long min, long max, String sqlTypeName) {
        int i = 0;
        int n = text.length();
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long value = 0; // accumulated negatively so that the minimum fits
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int digit = text.charAt(i) - '0';
            if (value < (min + digit) / 10 || value * 10 - digit < min) {
                throw TypeErrors.outOfRange(sqlTypeName, text);
            }
            value = value * 10 - digit;
            i++;
        }
        if (i == digitsStart) {
            throw TypeErrors.invalidSyntax(sqlTypeName, text);
        }
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw TypeErrors.invalidSyntax(sqlTypeName, text);
        }
        if (!negative) {
            if (-value > max || value == Long.MIN_VALUE) {
                throw TypeErrors.outOfRange(sqlTypeName, text);
            }
            value = -value;
        }
        return value;
    }
}
