package org.lakepg.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** PostgreSQL's md5 password scheme: stored "md5"+md5(password+user), sent "md5"+md5(stored-hex + salt). */
public final class Md5Password {
    private Md5Password() {
    }

    public static String storedHash(String user, String password) {
        return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
    }

    /** What a client sends for a stored hash and the 4-byte salt of AuthenticationMD5Password. */
    public static String expectedResponse(String storedHash, byte[] salt) {
        byte[] hex = storedHash.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] salted = new byte[hex.length + salt.length];
        System.arraycopy(hex, 0, salted, 0, hex.length);
        System.arraycopy(salt, 0, salted, hex.length, salt.length);
        return "md5" + md5Hex(salted);
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
