package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The value types the SQL engine computes on. */
class ValuesTest {

    @Test
    void numericKeepsDisplayScaleAndOrdersLikePostgres() {
        assertThat(PgNumeric.of("1.50").toString()).isEqualTo("1.50");
        assertThat(PgNumeric.of(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
        assertThat(PgNumeric.of("1.50").compareTo(PgNumeric.of("1.5"))).isZero();
        assertThat(PgNumeric.NEGATIVE_INFINITY).isLessThan(PgNumeric.of("-1e100"));
        assertThat(PgNumeric.POSITIVE_INFINITY).isLessThan(PgNumeric.NAN);
    }

    @Test
    void jsonbObjectsAreNormalized() {
        Jsonb value = JsonbType.INSTANCE.parseText("{\"bb\":1,\"a\":{\"y\":2,\"x\":[]},\"bb\":3}");
        assertThat(value.toString()).isEqualTo("{\"a\": {\"x\": [], \"y\": 2}, \"bb\": 3}");
        assertThat(((Jsonb.Obj) value).get("bb")).isEqualTo(new Jsonb.Number(PgNumeric.of("3")));
        assertThat(JsonbType.INSTANCE.parseText("[1, 2]")).isEqualTo(JsonbType.INSTANCE.parseText("[1,2]"));
    }

    @Test
    void arraysCompareByContent() {
        PgArray a = PgArray.of(23, 1, null, 3);
        PgArray b = Int4Type.INSTANCE.arrayOid() == 1007 ? PgTypes.arrayOf(Int4Type.INSTANCE).parseText("{1,NULL,3}")
                : null;
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(PgArray.of(23).dimensionCount()).isZero();
        PgArray bytes = PgArray.of(17, (Object) new byte[] {1, 2});
        assertThat(bytes).isEqualTo(PgArray.of(17, (Object) new byte[] {1, 2}));
    }

    @Test
    void dateTimeConversions() {
        assertThat(PgDateTime.toPgDate(LocalDate.of(2000, 1, 1))).isZero();
        assertThat(PgDateTime.toLocalDate(-1)).isEqualTo(LocalDate.of(1999, 12, 31));
        long micros = PgDateTime.toPgTimestamp(LocalDateTime.of(1999, 1, 8, 4, 5, 6));
        assertThat(PgDateTime.toLocalDateTime(micros)).isEqualTo(LocalDateTime.of(1999, 1, 8, 4, 5, 6));
        assertThat(TimestampType.INSTANCE.formatText(micros)).isEqualTo("1999-01-08 04:05:06");
    }

    @Test
    void timetzOffsetIsEastPositiveButSentWestPositive() {
        PgTimeTz value = TimeTzType.INSTANCE.parseText("04:05:06+02");
        assertThat(value.offsetSeconds()).isEqualTo(7200);
        byte[] bytes = TimeTzType.INSTANCE.encodeBinary(value);
        assertThat(java.nio.ByteBuffer.wrap(bytes, 8, 4).getInt()).isEqualTo(-7200);
    }
}
