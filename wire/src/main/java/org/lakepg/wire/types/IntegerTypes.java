package org.lakepg.wire.types;

/** Integer text input shared by int2/int4/int8 (pg_strtoint*): spaces, an optional sign, decimal digits. */
final class IntegerTypes {

    private IntegerTypes() {
    }

    /** Parses within [min, max]; errors name the SQL type ("integer") and quote the whole input. */
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
        long value = 0; // accumulated negatively so that Long.MIN_VALUE fits
        boolean overflow = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int digit = text.charAt(i) - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                overflow = true;
            } else {
                value = value * 10 - digit;
            }
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
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < min || value > max) {
            throw TypeErrors.outOfRange(sqlTypeName, text);
        }
        return value;
    }
}
