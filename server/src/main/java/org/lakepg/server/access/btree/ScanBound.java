package org.lakepg.server.access.btree;

/** One end of a range scan: a key and whether entries equal to it are included. */
public record ScanBound(byte[] key, boolean inclusive) {

    public static ScanBound inclusive(byte[] key) {
        return new ScanBound(key, true);
    }

    public static ScanBound exclusive(byte[] key) {
        return new ScanBound(key, false);
    }
}
