package org.lakepg.server.function.scalar;

/**
 * PostgreSQL's hash_bytes / hash_bytes_extended (Bob Jenkins' lookup3, hashfn.c), reading the key
 * little-endian as PostgreSQL does on x86-64, so hash values (and hash partitions) agree with it.
 */
public final class PgHashBytes {
    private PgHashBytes() {}

    private static final int GOLDEN = 0x9e3779b9;

    /** The mixing state a, b, c. */
    private static final class State {
        int a;
        int b;
        int c;

        State(int initial) {
            a = initial;
            b = initial;
            c = initial;
        }

        void mix() {
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        }

        void finish() {
            c ^= b; c -= Integer.rotateLeft(b, 14);
            a ^= c; a -= Integer.rotateLeft(c, 11);
            b ^= a; b -= Integer.rotateLeft(a, 25);
            c ^= b; c -= Integer.rotateLeft(b, 16);
            a ^= c; a -= Integer.rotateLeft(c, 4);
            b ^= a; b -= Integer.rotateLeft(a, 14);
            c ^= b; c -= Integer.rotateLeft(b, 24);
        }
    }

    /** hash_bytes: the 32-bit hash (hashtext, uuid_hash ...). */
    public static int hash(byte[] key) {
        State s = new State(GOLDEN + key.length + 3923095);
        consume(s, key);
        s.finish();
        return s.c;
    }

    /** hash_bytes_extended: the 64-bit hash with a seed (hashtextextended ...). */
    public static long hashExtended(byte[] key, long seed) {
        State s = new State(GOLDEN + key.length + 3923095);
        if (seed != 0) {
            s.a += (int) (seed >>> 32);
            s.b += (int) seed;
            s.mix();
        }
        consume(s, key);
        s.finish();
        return ((long) s.b << 32) | (s.c & 0xffffffffL);
    }

    /** hash_bytes_uint32: one 32-bit key (hashint4, and hashint8 after folding). */
    public static int hashUint32(int key) {
        State s = new State(GOLDEN + 4 + 3923095);
        s.a += key;
        s.finish();
        return s.c;
    }

    /** hash_bytes_uint32_extended: one 32-bit key with a seed. */
    public static long hashUint32Extended(int key, long seed) {
        State s = new State(GOLDEN + 4 + 3923095);
        if (seed != 0) {
            s.a += (int) (seed >>> 32);
            s.b += (int) seed;
            s.mix();
        }
        s.a += key;
        s.finish();
        return ((long) s.b << 32) | (s.c & 0xffffffffL);
    }

    private static int word(byte[] k, int at) {
        return (k[at] & 0xff) | (k[at + 1] & 0xff) << 8 | (k[at + 2] & 0xff) << 16 | (k[at + 3] & 0xff) << 24;
    }

    private static void consume(State s, byte[] k) {
        int at = 0;
        int len = k.length;
        while (len >= 12) {
            s.a += word(k, at);
            s.b += word(k, at + 4);
            s.c += word(k, at + 8);
            s.mix();
            at += 12;
            len -= 12;
        }
        // the last 11 bytes, little-endian into a and b; c's lowest byte is left for the length
        for (int i = 0; i < len; i++) {
            int v = k[at + i] & 0xff;
            if (i < 4) {
                s.a += v << (8 * i);
            } else if (i < 8) {
                s.b += v << (8 * (i - 4));
            } else {
                s.c += v << (8 * (i - 7));
            }
        }
    }
}
