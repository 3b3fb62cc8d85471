package org.lakepg.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void printsAndParsesLikePostgres() {
        // PostgreSQL 15.18: SELECT '0/16B3748'::pg_lsn, '16/B374D848'::pg_lsn, '0/0'::pg_lsn, '0/016B3748'::pg_lsn
        //   -> 0/16B3748 | 16/B374D848 | 0/0 | 0/16B3748   (output format %X/%X, no zero padding)
        assertThat(Lsn.parse("0/16B3748").value()).isEqualTo(0x16B3748L);
        assertThat(Lsn.parse("0/16B3748")).hasToString("0/16B3748");
        assertThat(Lsn.parse("16/B374D848")).hasToString("16/B374D848");
        assertThat(Lsn.parse("16/b374d848").value()).isEqualTo(0x16_B374D848L);
        assertThat(Lsn.INVALID).hasToString("0/0");
        assertThat(Lsn.parse("0/016B3748")).hasToString("0/16B3748");
        assertThat(Lsn.parse("7FFFFFFF/FFFFFFFF")).isEqualTo(Lsn.MAX);
        assertThatThrownBy(() -> Lsn.parse("FFFFFFFF/FFFFFFFF")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedText() {
        // PostgreSQL 15.18: SELECT '0/123456789'::pg_lsn -> ERROR: invalid input syntax for type pg_lsn: "0/123456789"
        for (String bad : new String[] {"", "/", "0/", "/1", "1", "G/0", "123456789/0", "0/123456789", "0/-1"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid input syntax for type pg_lsn: \"" + bad + "\"");
        }
    }

    @Test
    void ordersAndAdds() {
        Lsn a = Lsn.of(100);
        assertThat(a.plus(28)).isEqualTo(Lsn.of(128));
        assertThat(a.compareTo(a.plus(1))).isNegative();
        assertThat(a.isBefore(a.plus(1))).isTrue();
        assertThat(Lsn.max(a, Lsn.INVALID)).isEqualTo(a);
        assertThat(Lsn.INVALID.isValid()).isFalse();
        assertThatThrownBy(() -> Lsn.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timelineIdRoundTrips() {
        TimelineId id = TimelineId.random();
        assertThat(id.toString()).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(TimelineId.parse(id.toString())).isEqualTo(id);
        assertThat(TimelineId.parse("0000000000000001ffffffffffffffff")).isEqualTo(new TimelineId(1, -1));
        assertThatThrownBy(() -> TimelineId.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageKeysOrderByRelationUnsignedThenForkThenBlock() {
        PageKey a = new PageKey(1, ForkNumber.MAIN, 9);
        PageKey b = new PageKey(1, ForkNumber.FSM, 0);
        PageKey c = new PageKey(-1, ForkNumber.MAIN, 0); // 4294967295 unsigned
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(c).hasToString("4294967295/main/0");
    }
}
