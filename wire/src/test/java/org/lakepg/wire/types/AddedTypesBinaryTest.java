package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Send bytes of the geometric, network, money, bit, jsonpath, snapshot and text search types,
 * recorded from PostgreSQL 15 ({@code select point_send('(1.5,-2)')} ...); recv reads them back to
 * the same text.
 */
class AddedTypesBinaryTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            point|(1.5,-2)|3ff8000000000000c000000000000000
            lseg|[(1,2),(3,4)]|3ff0000000000000400000000000000040080000000000004010000000000000
            box|(3,4),(1,2)|400800000000000040100000000000003ff00000000000004000000000000000
            path|[(1,2),(3,4)]|00000000023ff0000000000000400000000000000040080000000000004010000000000000
            polygon|((0,0),(1,1),(2,0))|00000003000000000000000000000000000000003ff00000000000003ff000000000000040000000000000000000000000000000
            line|{1,2,3}|3ff000000000000040000000000000004008000000000000
            circle|<(1,2),3>|3ff000000000000040000000000000004008000000000000
            inet|192.168.1.5/24|02180004c0a80105
            cidr|10.0.0.0/8|020801040a000000
            inet|::1|0380001000000000000000000000000000000001
            macaddr|08:00:2b:01:02:03|08002b010203
            macaddr8|08:00:2b:01:02:03:04:05|08002b0102030405
            money|-$12.34|fffffffffffffb2e
            bit|10110|00000005b0
            varbit|101101101|00000009b680
            jsonpath|$."a"[*]?(@ > 1)|01242e2261225b2a5d3f2840203e203129
            pg_snapshot|12:20:13,15,18|00000003000000000000000c0000000000000014000000000000000d000000000000000f0000000000000012
            tsvector|'a':1A 'b':2,3 'c'|0000000361000001c001620000020002000363000000
            tsquery|'a' & !'b' <2> 'c':*A|000000060202020400020108016300020101000062000100006100
            """)
    void sendAndRecvAsPostgres(String typeName, String text, String hex) {
        PgType<?> type = PgTypes.byName(typeName);
        Object value = type.parseText(text);
        assertThat(HexFormat.of().formatHex(type.encodeBinaryUnchecked(value))).isEqualTo(hex);
        Object back = type.decodeBinary(HexFormat.of().parseHex(hex));
        assertThat(type.formatTextUnchecked(back, FormatSettings.defaults())).isEqualTo(text);
    }
}
