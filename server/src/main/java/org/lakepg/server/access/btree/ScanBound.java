package org.lakepg.server.access.btree;

/** One end of a range scan: a key and whether entries equal to it are included. */
public record ScanBound(byte[] key, boolean inclusive) {

    public static ScanBound inclusive(byte[] key) {
        return new ScanBound(key, true);
    }

    public static ScanBound exclusive(byte[] key) {
        return new ScanBound(key, false);
    }

    /**
     * The smallest key above every key that starts with {@code key} (the last byte below 0xFF raised by one), or
     * null when there is none; the key encoding never ends a column with 0xFF bytes only, so for keys there always is.
     */
    public static byte[] successor(byte[] key) {
        int end = key.length;
        while (end > 0 && key[end - 1] == (byte) 0xFF) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        byte[] out = java.util.Arrays.copyOf(key, end);
        out[end - 1]++;
        return out;
    }
}
