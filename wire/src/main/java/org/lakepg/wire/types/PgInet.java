package org.lakepg.wire.types;

import java.util.Arrays;

/**
 * An inet or cidr value: address family (PostgreSQL's PGSQL_AF_INET 2 or PGSQL_AF_INET6 3),
 * netmask length and the address bytes (4 or 16) in network order.
 */
public final class PgInet {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 3;

    private final int family;
    private final int bits;
    private final byte[] address;

    public PgInet(int family, int bits, byte[] address) {
        if (address.length != (family == AF_INET ? 4 : 16)) {
            throw new IllegalArgumentException("address length " + address.length + " for family " + family);
        }
        this.family = family;
        this.bits = bits;
        this.address = address.clone();
    }

    public int family() {
        return family;
    }

    public int bits() {
        return bits;
    }

    /** 32 for IPv4, 128 for IPv6. */
    public int maxBits() {
        return family == AF_INET ? 32 : 128;
    }

    public byte[] address() {
        return address.clone();
    }

    /** Unsigned value of address byte i. */
    public int octet(int i) {
        return address[i] & 0xFF;
    }

    public int size() {
        return address.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgInet other && family == other.family && bits == other.bits
                && Arrays.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * family + bits) + Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        return InetText.format(this, false);
    }
}
