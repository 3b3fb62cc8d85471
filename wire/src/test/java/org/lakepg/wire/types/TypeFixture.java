package org.lakepg.wire.types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One row recorded from PostgreSQL 15 by src/test/resources/types/record-fixtures.sh:
 * type, settings, input, then either the text output and send() bytes or the error
 * (SQLSTATE, message, detail — empty when PostgreSQL gave none).
 */
record TypeFixture(String file, int line, String type, String settings, String input, boolean ok,
                   String output, String binaryHex, String sqlState, String message, String detail) {

    static List<TypeFixture> load() {
        try {
            Path dir = Path.of(TypeFixture.class.getResource("/types").toURI());
            List<TypeFixture> rows = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        rows.add(parse(file.getFileName().toString(), i + 1, lines.get(i)));
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TypeFixture parse(String file, int line, String text) {
        String[] f = text.split("\t", -1);
        boolean ok = f.length == 6 && f[3].equals("OK");
        if (!ok && !(f.length == 7 && f[3].equals("ERR"))) {
            throw new IllegalArgumentException(file + ":" + line + ": malformed fixture row: " + text);
        }
        return new TypeFixture(file, line, f[0], f[1], f[2], ok, ok ? f[4] : null, ok ? f[5] : null,
                ok ? null : f[4], ok ? null : f[5], ok ? null : f[6]);
    }

    /** The type without modifiers: "numeric(5,2)" is "numeric", "varchar(3)[]" is "varchar[]". */
    String baseType() {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren) + (type.endsWith("[]") ? "[]" : "");
    }

    /** The typmod of "bpchar(5)", "numeric(5,2)", "timestamp(0)", "varchar(3)[]"; -1 without modifiers. */
    int typmod() {
        int paren = type.indexOf('(');
        if (paren < 0) {
            return TypeModifiers.NONE;
        }
        String[] args = type.substring(paren + 1, type.indexOf(')')).split(",");
        int first = Integer.parseInt(args[0].trim());
        return switch (baseType().replace("[]", "")) {
            case "bpchar", "varchar" -> TypeModifiers.length(first);
            case "numeric" -> TypeModifiers.numeric(first, args.length > 1 ? Integer.parseInt(args[1].trim()) : 0);
            default -> TypeModifiers.precision(first);
        };
    }

    byte[] binary() {
        return HexFormat.of().parseHex(binaryHex);
    }

    /** The fixture's settings on top of the recording defaults (ISO, MDY; UTC; 1; postgres; hex). */
    FormatSettings formatSettings() {
        FormatSettings s = FormatSettings.defaults();
        if (settings.equals("-")) {
            return s;
        }
        for (String kv : settings.split(";")) {
            String name = kv.substring(0, kv.indexOf('='));
            String value = kv.substring(kv.indexOf('=') + 1);
            s = switch (name) {
                case "DateStyle" -> s.withDateStyle(value);
                case "TimeZone" -> s.withTimeZone(zone(value));
                case "extra_float_digits" -> s.withExtraFloatDigits(Integer.parseInt(value));
                case "IntervalStyle" -> s.withIntervalStyle(value);
                case "bytea_output" -> s.withByteaHex(value.equals("hex"));
                default -> throw new IllegalArgumentException("unknown setting " + name);
            };
        }
        return s;
    }

    /** TimeZone as PostgreSQL reads it: a bare numeric offset is POSIX-style, i.e. hours west of UTC. */
    private static ZoneId zone(String value) {
        if (value.startsWith("+") || value.startsWith("-")) {
            ZoneOffset posix = ZoneOffset.of(value);
            return ZoneOffset.ofTotalSeconds(-posix.getTotalSeconds());
        }
        return ZoneId.of(value);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + type + (settings.equals("-") ? "" : " [" + settings + "]") + " '" + input
                + "'";
    }
}
