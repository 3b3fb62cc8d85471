package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Text forms of inet and cidr, as PostgreSQL's pg_inet_net_pton, pg_inet_net_ntop and
 * pg_inet_cidr_ntop (the BIND routines) read and write them.
 */
public final class InetText {

    private InetText() {
    }

    /** network_in: parses an inet (any host bits) or cidr (host bits must be zero). */
    public static PgInet parse(String src, boolean cidr) {
        String type = cidr ? "cidr" : "inet";
        boolean v6 = src.indexOf(':') >= 0;
        byte[] addr = new byte[v6 ? 16 : 4];
        int bits = v6 ? parseV6(src, addr) : cidr ? parseCidrV4(src, addr) : parseInetV4(src, addr);
        if (bits < 0 || bits > (v6 ? 128 : 32)) {
            throw TypeErrors.invalidSyntax(type, src);
        }
        PgInet value = new PgInet(v6 ? PgInet.AF_INET6 : PgInet.AF_INET, bits, addr);
        if (cidr && !hostBitsZero(value)) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid cidr value: \"%s\"", src)
                    .withDetail("Value has bits set to right of mask.");
        }
        return value;
    }

    /** addressOK: no bits set right of the mask. */
    public static boolean hostBitsZero(PgInet v) {
        int bits = v.bits();
        if (bits == v.maxBits()) {
            return true;
        }
        int mask = bits != 0 ? 0xFF >> (bits % 8) : 0xFF;
        for (int b = bits / 8; b < v.size(); b++) {
            if ((v.octet(b) & mask) != 0) {
                return false;
            }
            mask = 0xFF;
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** inet_net_pton_ipv4: dotted octets with an optional /bits; /32 is implied only for four octets. */
    private static int parseInetV4(String s, byte[] dst) {
        int src = 0;
        int octets = 0;
        char ch;
        while (digit(ch = at(s, src++))) {
            int tmp = 0;
            do {
                tmp = tmp * 10 + (ch - '0');
                if (tmp > 255) {
                    return -1;
                }
            } while ((ch = at(s, src++)) != '\0' && digit(ch));
            if (octets == 4) {
                return -1;
            }
            dst[octets++] = (byte) tmp;
            if (ch == '\0' || ch == '/') {
                break;
            }
            if (ch != '.') {
                return -1;
            }
        }
        int bits = -1;
        if (ch == '/' && digit(at(s, src)) && octets > 0) {
            ch = at(s, src++);
            bits = 0;
            do {
                bits = bits * 10 + (ch - '0');
                if (bits > 32) {
                    return -1;
                }
            } while ((ch = at(s, src++)) != '\0' && digit(ch));
            if (ch != '\0') {
                return -1;
            }
        }
        if (ch != '\0') {
            return -1;
        }
        if (bits == -1) {
            if (octets == 4) {
                bits = 32;
            } else {
                return -1;
            }
        }
        if (octets == 0 || bits / 8 > octets) {
            return -1;
        }
        return bits;
    }

    /** inet_cidr_pton_ipv4: also hex (0x0a) and the classful default widths for a missing /bits. */
    private static int parseCidrV4(String s, byte[] dst) {
        int src = 0;
        int octets = 0;
        char ch = at(s, src++);
        if (ch == '0' && (at(s, src) == 'x' || at(s, src) == 'X') && isHex(at(s, src + 1))) {
            int tmp = 0;
            int dirty = 0;
            src++;
            for (;;) {
                ch = at(s, src++);
                if (ch == '\0') {
                    break;
                }
                int nyb = isHex(ch) ? Character.digit(ch, 16) : -1;
                if (nyb < 0) {
                    return -1;
                }
                tmp = dirty == 0 ? nyb : (tmp << 4) | nyb;
                if (++dirty == 2) {
                    if (octets == 4) {
                        return -1;
                    }
                    dst[octets++] = (byte) tmp;
                    dirty = 0;
                }
            }
            if (dirty != 0) {
                if (octets == 4) {
                    return -1;
                }
                dst[octets++] = (byte) (tmp << 4);
            }
        } else if (digit(ch)) {
            for (;;) {
                int tmp = 0;
                do {
                    tmp = tmp * 10 + (ch - '0');
                    if (tmp > 255) {
                        return -1;
                    }
                } while ((ch = at(s, src++)) != '\0' && digit(ch));
                if (octets == 4) {
                    return -1;
                }
                dst[octets++] = (byte) tmp;
                if (ch == '\0' || ch == '/') {
                    break;
                }
                if (ch != '.') {
                    return -1;
                }
                ch = at(s, src++);
                if (!digit(ch)) {
                    return -1;
                }
            }
        } else {
            return -1;
        }
        int bits = -1;
        if (ch == '/' && digit(at(s, src)) && octets > 0) {
            ch = at(s, src++);
            bits = 0;
            do {
                bits = bits * 10 + (ch - '0');
                if (bits > 1000) {
                    return -1;
                }
            } while ((ch = at(s, src++)) != '\0' && digit(ch));
            if (ch != '\0' || bits > 32) {
                return -1;
            }
        }
        if (ch != '\0' || octets == 0) {
            return -1;
        }
        if (bits == -1) {
            int first = dst[0] & 0xFF;
            bits = first >= 240 ? 32 : first >= 224 ? 8 : first >= 192 ? 24 : first >= 128 ? 16 : 8;
            if (bits < octets * 8) {
                bits = octets * 8;
            }
            if (bits == 8 && first == 224) {
                bits = 4;
            }
        }
        return bits;
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    /** inet_cidr_pton_ipv6: hex groups, one "::", an optional dotted IPv4 tail and /bits. */
    private static int parseV6(String s, byte[] dst) {
        int slash = s.indexOf('/');
        String addr = slash >= 0 ? s.substring(0, slash) : s;
        int bits = 128;
        if (slash >= 0) {
            bits = decimalNoLeadingZero(s.substring(slash + 1), 128);
            if (bits < 0) {
                return -1;
            }
        }
        int n = addr.length();
        int i = 0;
        int tp = 0;
        int colonp = -1;
        if (n > 0 && addr.charAt(0) == ':') {
            if (n < 2 || addr.charAt(1) != ':') {
                return -1;
            }
            i = 1;
        }
        int curtok = i;
        boolean sawXdigit = false;
        int val = 0;
        int digits = 0;
        while (i < n) {
            char ch = addr.charAt(i++);
            int d = ch < 128 ? Character.digit(ch, 16) : -1;
            if (d >= 0) {
                val = (val << 4) | d;
                if (++digits > 4) {
                    return -1;
                }
                sawXdigit = true;
                continue;
            }
            if (ch == ':') {
                curtok = i;
                if (!sawXdigit) {
                    if (colonp >= 0) {
                        return -1;
                    }
                    colonp = tp;
                    continue;
                } else if (i >= n) {
                    return -1;
                }
                if (tp + 2 > 16) {
                    return -1;
                }
                dst[tp++] = (byte) (val >> 8);
                dst[tp++] = (byte) val;
                sawXdigit = false;
                digits = 0;
                val = 0;
                continue;
            }
            if (ch == '.' && tp + 4 <= 16) {
                if (!parseV4Tail(addr.substring(curtok), dst, tp)) {
                    return -1;
                }
                tp += 4;
                sawXdigit = false;
                break;
            }
            return -1;
        }
        if (sawXdigit) {
            if (tp + 2 > 16) {
                return -1;
            }
            dst[tp++] = (byte) (val >> 8);
            dst[tp++] = (byte) val;
        }
        if (colonp >= 0) {
            int moved = tp - colonp;
            if (tp == 16) {
                return -1;
            }
            for (int k = 1; k <= moved; k++) {
                dst[16 - k] = dst[colonp + moved - k];
                dst[colonp + moved - k] = 0;
            }
            tp = 16;
        }
        if (tp != 16) {
            return -1;
        }
        return bits;
    }

    /** getv4: four decimal octets without leading zeros. */
    private static boolean parseV4Tail(String s, byte[] dst, int at) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            int v = decimalNoLeadingZero(parts[k], 255);
            if (v < 0) {
                return false;
            }
            dst[at + k] = (byte) v;
        }
        return true;
    }

    private static int decimalNoLeadingZero(String s, int max) {
        if (s.isEmpty() || s.length() > 1 && s.charAt(0) == '0') {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < s.length(); k++) {
            if (!digit(s.charAt(k))) {
                return -1;
            }
            v = v * 10 + (s.charAt(k) - '0');
            if (v > max) {
                return -1;
            }
        }
        return v;
    }

    /** network_out: inet omits /32 (/128); cidr always shows the mask length. */
    public static String format(PgInet v, boolean cidr) {
        String text = netNtop(v, v.bits());
        return cidr && text.indexOf('/') < 0 ? text + "/" + v.bits() : text;
    }

    /** pg_inet_net_ntop with the given mask length (the max length prints no /n). */
    public static String netNtop(PgInet v, int bits) {
        StringBuilder out = new StringBuilder();
        if (v.family() == PgInet.AF_INET) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    out.append('.');
                }
                out.append(v.octet(i));
            }
            if (bits != 32) {
                out.append('/').append(bits);
            }
            return out.toString();
        }
        int[] words = new int[8];
        for (int i = 0; i < 16; i++) {
            words[i / 2] |= v.octet(i) << ((1 - (i % 2)) << 3);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase == -1) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase != -1) {
                if (bestBase == -1 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase != -1 && bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 7 && words[7] != 0x0001)
                    || (bestLen == 5 && words[5] == 0xffff))) {
                out.append(v.octet(12)).append('.').append(v.octet(13)).append('.').append(v.octet(14)).append('.')
                        .append(v.octet(15));
                break;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase != -1 && bestBase + bestLen == 8) {
            out.append(':');
        }
        if (bits != -1 && bits != 128) {
            out.append('/').append(bits);
        }
        return out.toString();
    }

    /** pg_inet_cidr_ntop (abbrev of a cidr): only the octets or words the mask covers. */
    public static String cidrNtop(PgInet v) {
        int bits = v.bits();
        StringBuilder out = new StringBuilder();
        if (v.family() == PgInet.AF_INET) {
            if (bits == 0) {
                out.append('0');
            }
            for (int b = bits / 8, i = 0; b > 0; b--, i++) {
                out.append(v.octet(i));
                if (b > 1) {
                    out.append('.');
                }
            }
            int partial = bits % 8;
            if (partial > 0) {
                if (out.length() > 0) {
                    out.append('.');
                }
                int m = ((1 << partial) - 1) << (8 - partial);
                out.append(v.octet(bits / 8) & m);
            }
            return out.append('/').append(bits).toString();
        }
        if (bits == 0) {
            return "::/0";
        }
        int[] s = new int[16];
        int p = (bits + 7) / 8;
        for (int i = 0; i < p; i++) {
            s[i] = v.octet(i);
        }
        if (bits % 8 != 0) {
            s[p - 1] &= (0xFF << (8 - bits % 8)) & 0xFF;
        }
        int words = (bits + 15) / 16;
        if (words == 1) {
            words = 2;
        }
        int zeroS = 0;
        int zeroL = 0;
        int tmpS = 0;
        int tmpL = 0;
        for (int i = 0; i < words * 2; i += 2) {
            if ((s[i] | s[i + 1]) == 0) {
                if (tmpL == 0) {
                    tmpS = i / 2;
                }
                tmpL++;
            } else if (tmpL != 0 && zeroL < tmpL) {
                zeroS = tmpS;
                zeroL = tmpL;
                tmpL = 0;
            }
        }
        if (tmpL != 0 && zeroL < tmpL) {
            zeroS = tmpS;
            zeroL = tmpL;
        }
        boolean ipv4 = zeroL != words && zeroS == 0 && (zeroL == 6 || (zeroL == 5 && s[10] == 0xff && s[11] == 0xff)
                || (zeroL == 7 && s[14] != 0 && s[15] != 1));
        int at = 0;
        for (int w = 0; w < words; w++) {
            if (zeroL != 0 && w >= zeroS && w < zeroS + zeroL) {
                if (w == zeroS) {
                    out.append(':');
                }
                if (w == words - 1) {
                    out.append(':');
                }
                at += 2;
                continue;
            }
            if (ipv4 && w > 5) {
                out.append(w == 6 ? ':' : '.').append(s[at++]);
                if (w != 7 || bits > 120) {
                    out.append('.').append(s[at++]);
                }
            } else {
                if (out.length() > 0) {
                    out.append(':');
                }
                out.append(Integer.toHexString(s[at] * 256 + s[at + 1]));
                at += 2;
            }
        }
        return out.append('/').append(bits).toString();
    }
}
