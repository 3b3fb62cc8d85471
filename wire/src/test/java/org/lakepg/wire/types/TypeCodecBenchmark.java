package org.lakepg.wire.types;

import java.util.function.Supplier;

/**
 * Rough throughput of the hot codecs (not a test; figures only). Run with
 * {@code java -cp wire/target/classes:wire/target/test-classes org.lakepg.wire.types.TypeCodecBenchmark}.
 */
public final class TypeCodecBenchmark {

    private static volatile Object sink;

    private TypeCodecBenchmark() {
    }

    public static void main(String[] args) {
        FormatSettings settings = FormatSettings.defaults();
        FormatSettings berlin = settings.withTimeZone(java.time.ZoneId.of("Europe/Berlin"));
        double[] doubles = new java.util.Random(1).doubles(1024).map(d -> d * 1e6).toArray();
        long ts = TimestampTzType.INSTANCE.parseText("2021-06-01 12:34:56.789+02");
        PgNumeric numeric = NumericType.INSTANCE.parseText("123456789.123456789");
        PgArray ints = PgTypes.arrayOf(Int4Type.INSTANCE).parseText("{1,2,3,4,5,6,7,8,9,10}");
        int[] i = {0};
        run("int4 format", () -> Int4Type.INSTANCE.formatText(i[0]++, settings));
        run("int4 parse", () -> Int4Type.INSTANCE.parseText("123456"));
        run("float8 format (shortest)", () -> Float8Type.INSTANCE.formatText(doubles[i[0]++ & 1023], settings));
        run("float8 parse", () -> Float8Type.INSTANCE.parseText("3.141592653589793"));
        run("numeric format", () -> NumericType.INSTANCE.formatText(numeric, settings));
        run("numeric parse", () -> NumericType.INSTANCE.parseText("123456789.123456789"));
        run("numeric send", () -> NumericType.INSTANCE.encodeBinary(numeric));
        run("timestamptz format ISO/UTC", () -> TimestampTzType.INSTANCE.formatText(ts, settings));
        run("timestamptz format ISO/Berlin", () -> TimestampTzType.INSTANCE.formatText(ts, berlin));
        run("timestamptz parse", () -> TimestampTzType.INSTANCE.parseText("2021-06-01 12:34:56.789+02"));
        run("int4[10] format", () -> PgTypes.arrayOf(Int4Type.INSTANCE).formatText(ints, settings));
        run("int4[10] parse", () -> PgTypes.arrayOf(Int4Type.INSTANCE).parseText("{1,2,3,4,5,6,7,8,9,10}"));
        run("jsonb parse", () -> JsonbType.INSTANCE.parseText("{\"b\":1,\"a\":[1,2,{\"c\":null}]}"));
    }

    private static void run(String name, Supplier<Object> op) {
        for (int warm = 0; warm < 200_000; warm++) {
            sink = op.get();
        }
        int n = 1_000_000;
        long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            sink = op.get();
        }
        double ns = (System.nanoTime() - start) / (double) n;
        System.out.printf("%-32s %8.1f ns/op%n", name, ns);
    }
}
