package org.lakepg.server.access.btree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds multi-column keys whose unsigned byte order is the SQL order of the columns, including DESC and
 * NULLS FIRST/LAST (by default NULLs sort last ascending and first descending, as in PostgreSQL). Each column is
 * a null marker byte followed by an order-preserving encoding; DESC inverts the column's bytes.
 */
public final class KeyEncoding {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Column ordering: direction and where NULLs go. */
    public record Order(boolean descending, boolean nullsFirst) {
        public static final Order ASC = new Order(false, false);
        public static final Order DESC = new Order(true, true);
    }

    public static KeyEncoding key() {
        return new KeyEncoding();
    }

    public KeyEncoding addLong(Long value, Order order) {
        if (marker(value == null, order)) {
            return this;
        }
        long flipped = value ^ Long.MIN_VALUE; // two's complement to unsigned order
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (flipped >>> (56 - 8 * i));
        }
        write(bytes, order);
        return this;
    }

    public KeyEncoding addLong(long value) {
        return addLong(value, Order.ASC);
    }

    public KeyEncoding addText(String value, Order order) {
        return addBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8), order);
    }

    /** A byte string in memcmp order (a prefix before the longer string), as bytea and "C"-collated text sort. */
    public KeyEncoding addBytes(byte[] utf8, Order order) {
        if (marker(utf8 == null, order)) {
            return this;
        }
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(utf8.length + 2);
        for (byte b : utf8) {
            // 0x00 becomes 0x00 0xFF and the value ends with 0x00 0x00: prefixes sort first, bytes stay ordered
            escaped.write(b);
            if (b == 0) {
                escaped.write(0xFF);
            }
        }
        escaped.write(0);
        escaped.write(0);
        write(escaped.toByteArray(), order);
        return this;
    }

    public KeyEncoding addText(String value) {
        return addText(value, Order.ASC);
    }

    public byte[] build() {
        return out.toByteArray();
    }

    /** Writes the null marker; returns true if the value is null (nothing follows). */
    private boolean marker(boolean isNull, Order order) {
        // the marker byte is not inverted by DESC: nullsFirst alone decides where NULLs go
        if (isNull) {
            out.write(order.nullsFirst() ? 0x00 : 0x02);
            return true;
        }
        out.write(0x01);
        return false;
    }

    private void write(byte[] bytes, Order order) {
        if (order.descending()) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
        }
        out.write(bytes, 0, bytes.length);
    }
}
