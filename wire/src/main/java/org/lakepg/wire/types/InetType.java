package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * inet and cidr: text as {@link InetText}; binary is family, bits, is_cidr, address length and
 * the address bytes, one byte each (network_send).
 */
public final class InetType extends AbstractPgType<PgInet> {

    public static final InetType INET = new InetType(869, false);
    public static final InetType CIDR = new InetType(650, true);

    private final boolean cidr;

    private InetType(int oid, boolean cidr) {
        super(oid, PgInet.class);
        this.cidr = cidr;
    }

    @Override
    public PgInet parseText(String text, FormatSettings settings) {
        return InetText.parse(text, cidr);
    }

    @Override
    public String formatText(PgInet value, FormatSettings settings) {
        return InetText.format(value, cidr);
    }

    @Override
    public PgInet decodeBinary(byte[] bytes) {
        String type = cidr ? "cidr" : "inet";
        if (bytes.length < 4) {
            throw TypeErrors.insufficientData();
        }
        int family = bytes[0];
        if (family != PgInet.AF_INET && family != PgInet.AF_INET6) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid address family in external \"%s\" value", type);
        }
        int bits = bytes[1] & 0xFF;
        int size = family == PgInet.AF_INET ? 4 : 16;
        if (bits > size * 8) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid bits in external \"%s\" value", type);
        }
        if ((bytes[3] & 0xFF) != size) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid length in external \"%s\" value",
                    type);
        }
        TypeErrors.requireLength(name(), bytes, 4 + size);
        byte[] addr = new byte[size];
        System.arraycopy(bytes, 4, addr, 0, size);
        PgInet value = new PgInet(family, bits, addr);
        if (cidr && !InetText.hostBitsZero(value)) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid external \"cidr\" value")
                    .withDetail("Value has bits set to right of mask.");
        }
        return value;
    }

    @Override
    public byte[] encodeBinary(PgInet value) {
        byte[] out = new byte[4 + value.size()];
        out[0] = (byte) value.family();
        out[1] = (byte) value.bits();
        out[2] = (byte) (cidr ? 1 : 0);
        out[3] = (byte) value.size();
        System.arraycopy(value.address(), 0, out, 4, value.size());
        return out;
    }
}
