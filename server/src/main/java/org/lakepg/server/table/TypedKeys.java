package org.lakepg.server.table;

import java.math.BigDecimal;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.wire.types.PgBitString;
import org.lakepg.wire.types.PgInet;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTimeTz;

/**
 * Index keys of the types whose Java value alone does not say how they sort: each encoding's byte order is the
 * order of the type's B-tree comparison function (numeric_cmp, network_cmp, timetz_cmp, bitcmp), and values that
 * function calls equal (1.0 and 1.00) get the same bytes, so a unique index sees them as duplicates.
 */
final class TypedKeys {
    private TypedKeys() {}

    /** numeric: -Infinity, negatives, zero, positives, +Infinity, then NaN (NaN equals NaN and sorts above all). */
    static void numeric(KeyEncoding key, PgNumeric n, KeyEncoding.Order order) {
        switch (n.kind()) {
            case NEGATIVE_INFINITY -> key.addLong(-2L, order);
            case POSITIVE_INFINITY -> key.addLong(2L, order);
            case NAN -> key.addLong(3L, order);
            case FINITE -> finite(key, n.value(), order);
        }
    }

    /**
     * A finite number: its sign, then (negated for negatives) the decimal exponent of its leading digit, then its
     * significant digits, complemented for negatives and closed by a mark above every digit so that a longer
     * negative with the same leading digits (a larger magnitude) sorts first.
     */
    private static void finite(KeyEncoding key, BigDecimal d, KeyEncoding.Order order) {
        int sign = d.signum();
        key.addLong((long) sign, order);
        if (sign == 0) {
            return;
        }
        BigDecimal abs = d.abs().stripTrailingZeros();
        long exponent = (long) abs.precision() - abs.scale();
        String digits = abs.unscaledValue().toString();
        if (sign > 0) {
            key.addLong(exponent, order);
            key.addText(digits, order);
            return;
        }
        StringBuilder complemented = new StringBuilder(digits.length() + 1);
        for (int i = 0; i < digits.length(); i++) {
            complemented.append((char) ('9' - digits.charAt(i) + '0'));
        }
        complemented.append(':');
        key.addLong(-exponent, order);
        key.addText(complemented.toString(), order);
    }

    /**
     * inet / cidr as network_cmp orders them: the family, then the network bits one byte each (1 or 2) closed by a
     * 0 — so the common network bits decide first and, when one network contains the other, the shorter mask sorts
     * first — then the whole address.
     */
    static void inet(KeyEncoding key, PgInet ip, KeyEncoding.Order order) {
        byte[] address = ip.address();
        byte[] network = new byte[ip.bits()];
        for (int i = 0; i < ip.bits(); i++) {
            network[i] = (byte) (((address[i / 8] >>> (7 - i % 8)) & 1) + 1);
        }
        key.addLong((long) ip.family(), order);
        key.addBytes(network, order);
        key.addBytes(address, order);
    }

    /** timetz as timetz_cmp orders it: the time in UTC, then the zone, east-most first. */
    static void timeTz(KeyEncoding key, PgTimeTz t, KeyEncoding.Order order) {
        key.addLong(t.micros() - t.offsetSeconds() * 1_000_000L, order);
        key.addLong((long) -t.offsetSeconds(), order);
    }

    /** bit / varbit as bitcmp orders them: the bytes (a prefix first), then the bit length. */
    static void bits(KeyEncoding key, PgBitString b, KeyEncoding.Order order) {
        key.addBytes(b.bytes(), order);
        key.addLong((long) b.length(), order);
    }

    /** A value compared as an unsigned 64-bit number (pg_lsn, macaddr8). */
    static void unsigned(KeyEncoding key, long value, KeyEncoding.Order order) {
        key.addLong(value ^ Long.MIN_VALUE, order);
    }
}
