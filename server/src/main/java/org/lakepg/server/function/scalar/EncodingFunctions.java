package org.lakepg.server.function.scalar;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * encode/decode between bytea and text (base64, hex, escape) and convert_to/convert_from between
 * text and the bytes of an encoding. Databases are UTF8; UTF8, SQL_ASCII and LATIN1 are supported.
 */
public final class EncodingFunctions {
    private EncodingFunctions() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static void register(FunctionRegistry r) {
        r.register("binary_encode", (x, c) -> encode((byte[]) x[0], (String) x[1]));
        r.register("binary_decode", (x, c) -> decode((String) x[0], (String) x[1]));
        r.register("pg_convert_to", (x, c) -> convertTo((String) x[0], (String) x[1]));
        r.register("pg_convert_from", (x, c) -> convertFrom((byte[]) x[0], (String) x[1]));
        r.register("length_in_encoding", (x, c) -> {
            String text = convertFrom((byte[]) x[0], (String) x[1]);
            return text.codePointCount(0, text.length());
        });
    }

    private static String format(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("base64") && !lower.equals("hex") && !lower.equals("escape")) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%s\"", name);
        }
        return lower;
    }

    static String encode(byte[] data, String name) {
        return switch (format(name)) {
            case "hex" -> hex(data);
            case "base64" -> base64(data);
            default -> escape(data);
        };
    }

    static byte[] decode(String text, String name) {
        return switch (format(name)) {
            case "hex" -> unhex(text);
            case "base64" -> unbase64(text);
            default -> unescape(text);
        };
    }

    static String hex(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX[(data[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[data[i] & 0xf];
        }
        return new String(out);
    }

    /** Base64 with a newline after every 76 output characters, as PostgreSQL writes it. */
    private static String base64(byte[] data) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < data.length; i += 3) {
            int b0 = data[i] & 0xff;
            int b1 = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            int b2 = i + 2 < data.length ? data[i + 2] & 0xff : 0;
            int bits = (b0 << 16) | (b1 << 8) | b2;
            if (lineLength >= 76) {
                out.append('\n');
                lineLength = 0;
            }
            out.append(BASE64.charAt((bits >> 18) & 63)).append(BASE64.charAt((bits >> 12) & 63));
            out.append(i + 1 < data.length ? BASE64.charAt((bits >> 6) & 63) : '=');
            out.append(i + 2 < data.length ? BASE64.charAt(bits & 63) : '=');
            lineLength += 4;
        }
        return out.toString();
    }

    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder(data.length);
        for (byte b : data) {
            int v = b & 0xff;
            if (v == 0 || v >= 0x80) {
                out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else if (v == '\\') {
                out.append("\\\\");
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    private static byte[] unhex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
                i++;
                continue;
            }
            int hi = hexDigit(text, i);
            if (i + 1 >= text.length()) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int lo = hexDigit(text, i + 1);
            out.write((hi << 4) | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexDigit(String text, int at) {
        int v = Character.digit(text.charAt(at), 16);
        if (v < 0 || text.charAt(at) > 'f') {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%s\"",
                    text.substring(at, at + Character.charCount(text.codePointAt(at))));
        }
        return v;
    }

    /** b64_decode: whitespace skipped; '=' may only follow 2 or 3 symbols of a group, and once seen it shortens every later group too. */
    private static byte[] unbase64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int pos = 0;
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                continue;
            }
            int value;
            if (ch == '=') {
                if (end == 0) {
                    if (pos == 2) {
                        end = 1;
                    } else if (pos == 3) {
                        end = 2;
                    } else {
                        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "unexpected \"=\" while decoding base64 sequence");
                    }
                }
                value = 0;
            } else {
                value = BASE64.indexOf(ch);
                if (value < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid symbol \"%s\" found while decoding base64 sequence",
                            text.substring(i, i + Character.charCount(text.codePointAt(i))));
                }
            }
            buffer = (buffer << 6) + value;
            pos++;
            if (pos == 4) {
                out.write((buffer >> 16) & 0xff);
                if (end == 0 || end > 1) {
                    out.write((buffer >> 8) & 0xff);
                }
                if (end == 0 || end > 2) {
                    out.write(buffer & 0xff);
                }
                buffer = 0;
                pos = 0;
            }
        }
        if (pos != 0) {
            throw badBase64End();
        }
        return out.toByteArray();
    }

    private static PgException badBase64End() {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid base64 end sequence")
                .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
    }

    private static byte[] unescape(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            if (in[i] != '\\') {
                out.write(in[i++]);
            } else if (i + 1 < in.length && in[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < in.length && in[i + 1] >= '0' && in[i + 1] <= '3' && isOctal(in[i + 2])
                    && isOctal(in[i + 3])) {
                out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
                i += 4;
            } else {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s", "bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    /** PostgreSQL compares encoding names ignoring case and non-alphanumerics. */
    private static Charset charset(String name, String role) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (key) {
            case "utf8", "unicode" -> StandardCharsets.UTF_8;
            case "sqlascii" -> StandardCharsets.US_ASCII;
            case "latin1", "iso88591" -> StandardCharsets.ISO_8859_1;
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid %s encoding name \"%s\"",
                    role, name);
        };
    }

    /** convert(bytes, from, to): decode in one encoding, encode in the other. */
    static byte[] convert(byte[] data, String from, String to) {
        charset(from, "source");
        charset(to, "destination");
        return convertTo(convertFrom(data, from), to);
    }

    private static byte[] convertTo(String text, String encoding) {
        Charset target = charset(encoding, "destination");
        if (target == StandardCharsets.UTF_8 || target == StandardCharsets.US_ASCII) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp > 0xff) {
                throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER,
                        "character with byte sequence %s in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"",
                        byteSequence(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)));
            }
            out[n++] = (byte) cp;
            i += Character.charCount(cp);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String convertFrom(byte[] data, String encoding) {
        Charset source = charset(encoding, "source");
        if (source == StandardCharsets.ISO_8859_1) {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            if (text.indexOf('\0') >= 0) {
                throw invalidUtf8(new byte[] {0});
            }
            return text;
        }
        return validUtf8(data);
    }

    /** Decodes UTF-8, rejecting invalid sequences and NUL with PostgreSQL's report. */
    static String validUtf8(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                throw invalidUtf8(new byte[] {0});
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw invalidUtf8(firstBadSequence(data));
        }
    }

    private static byte[] firstBadSequence(byte[] data) {
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xff;
            int len = b < 0x80 ? 1 : (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 0;
            boolean ok = len > 0 && i + len <= data.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (data[i + k] & 0xc0) == 0x80;
            }
            if (ok && len > 1) {
                ok = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, i, len), java.nio.CharBuffer.allocate(4), true).isUnderflow();
            }
            if (!ok) {
                int end = Math.min(data.length, i + Math.max(len, 1));
                return java.util.Arrays.copyOfRange(data, i, end);
            }
            i += len;
        }
        return new byte[] {data[data.length - 1]};
    }

    private static PgException invalidUtf8(byte[] sequence) {
        return PgException.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": %s",
                byteSequence(sequence));
    }

    private static String byteSequence(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "0x" : " 0x").append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
        return out.toString();
    }
}
