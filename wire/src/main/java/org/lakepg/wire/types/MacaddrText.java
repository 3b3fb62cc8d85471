package org.lakepg.wire.types;

/** What macaddr and macaddr8 share: printing as lower-case hex pairs joined by colons, and their bytes. */
final class MacaddrText {
    private MacaddrText() {
    }

    static String format(PgMacaddr v) {
        StringBuilder out = new StringBuilder(3 * v.length());
        for (int i = 0; i < v.length(); i++) {
            if (i > 0) {
                out.append(':');
            }
            int o = v.octet(i);
            out.append(Character.forDigit(o >> 4, 16)).append(Character.forDigit(o & 0xF, 16));
        }
        return out.toString();
    }

    static byte[] bytes(PgMacaddr v) {
        byte[] out = new byte[v.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) v.octet(i);
        }
        return out;
    }
}
