package org.lakepg.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.types.InetText;
import org.lakepg.wire.types.PgBitString;
import org.lakepg.wire.types.PgInet;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTimeTz;
import org.junit.jupiter.api.Test;

class TypedKeysTest {

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    @Test
    void numericKeysSortAsNumericCmpAndIgnoreTheDisplayScale() {
        Random random = new Random(23);
        List<PgNumeric> values = new ArrayList<>(List.of(PgNumeric.NAN, PgNumeric.POSITIVE_INFINITY,
                PgNumeric.NEGATIVE_INFINITY, PgNumeric.of("0"), PgNumeric.of("0.000"), PgNumeric.of("-0.0011"),
                PgNumeric.of("-0.001"), PgNumeric.of("-0.00110"), PgNumeric.of("123456789012345678901234567890.5")));
        for (int i = 0; i < 400; i++) {
            BigDecimal unscaled = BigDecimal.valueOf(random.nextLong() % 100_000);
            values.add(PgNumeric.of(unscaled.movePointLeft(random.nextInt(12)).setScale(random.nextInt(14),
                    java.math.RoundingMode.HALF_UP)));
        }
        for (PgNumeric a : values) {
            for (PgNumeric b : values) {
                assertThat(Integer.signum(BYTES.compare(key(TypeOids.NUMERIC, a), key(TypeOids.NUMERIC, b))))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    @Test
    void inetKeysSortAsPostgresSortsThem() {
        // the order PostgreSQL 15 gives these with ORDER BY on an inet column
        List<String> sorted = List.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.1/8", "10.0.0.0/16", "10.0.0.1/16",
                "10.0.0.1", "10.1.2.3", "192.168.1.0/24", "192.168.1.1/24", "192.168.1.0/25", "192.168.1.226",
                "::/0", "::1", "ffff::/16");
        assertSortedByKeys(sorted.stream().map(s -> (Object) InetText.parse(s, false)).toList(), TypeOids.INET);
    }

    @Test
    void timetzKeysSortByUtcTimeThenTheZoneEastMostFirst() {
        List<Object> sorted = List.of(new PgTimeTz(12 * 3_600_000_000L, 4 * 3600),
                new PgTimeTz(10 * 3_600_000_000L, 2 * 3600), new PgTimeTz(8 * 3_600_000_000L, 0),
                new PgTimeTz(6 * 3_600_000_000L, -2 * 3600), new PgTimeTz(8 * 3_600_000_000L, -2 * 3600));
        assertSortedByKeys(sorted, TypeOids.TIMETZ);
    }

    @Test
    void bitStringKeysSortBytewiseThenTheShorterFirst() {
        List<Object> sorted = List.of(bits(""), bits("0"), bits("00000000"), bits("000000000"), bits("1"),
                bits("10"), bits("10000000"), bits("1000000001"), bits("11"));
        assertSortedByKeys(sorted, TypeOids.VARBIT);
    }

    @Test
    void lsnKeysCompareUnsigned() {
        assertSortedByKeys(List.of(0L, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, -1L), TypeOids.PG_LSN);
    }

    private static void assertSortedByKeys(List<Object> sorted, long type) {
        for (int i = 0; i + 1 < sorted.size(); i++) {
            assertThat(BYTES.compare(key(type, sorted.get(i)), key(type, sorted.get(i + 1))))
                    .as("%s before %s", sorted.get(i), sorted.get(i + 1)).isNegative();
        }
    }

    private static byte[] key(long type, Object value) {
        return IndexKeys.ofValue(type, value);
    }

    private static PgBitString bits(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.charAt(i) == '1';
        }
        return PgBitString.ofBits(b);
    }
}
