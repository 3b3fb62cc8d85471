package org.lakepg.analytics.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchBuilderTest {

    @Test
    void rowsBecomeTypedVectorsWithNullBitmaps() {
        Schema schema = Schema.of(Column.of("b", PgType.BOOL), Column.of("s", PgType.INT2), Column.of("i", PgType.INT4),
                Column.of("l", PgType.INT8), Column.of("f", PgType.FLOAT4), Column.of("d", PgType.FLOAT8),
                Column.numeric("n", 10, 2), Column.of("t", PgType.TEXT), Column.of("x", PgType.BYTEA),
                Column.of("day", PgType.DATE), Column.of("ts", PgType.TIMESTAMPTZ), Column.of("u", PgType.UUID));
        BatchBuilder builder = new BatchBuilder(schema, 1); // grows past its first capacity
        Object[] full = {true, (short) 2, 3, 4L, 5.5f, 6.5, new BigDecimal("7.25"), "eight", new byte[] {9},
                10, 11L, new UUID(1, 2)};
        for (int r = 0; r < 100; r++) {
            builder.add(r % 3 == 0 ? new Object[schema.size()] : full);
        }
        Batch batch = builder.build();
        assertThat(batch.rowCount()).isEqualTo(100);
        assertThat(batch.column(2)).isInstanceOf(IntVector.class);
        assertThat(batch.column(9)).isInstanceOf(IntVector.class);
        assertThat(batch.column(10)).isInstanceOf(LongVector.class);
        for (int c = 0; c < schema.size(); c++) {
            assertThat(batch.column(c).nulls().nullCount()).isEqualTo(34);
            assertThat(batch.column(c).type()).isEqualTo(schema.column(c).type());
        }
        assertThat(batch.row(0)).containsOnlyNulls();
        assertThat(batch.row(1)).containsExactly(full);
        Batch picked = batch.gather(new int[] {1, -1, 3}, 3);
        assertThat(picked.row(0)).containsExactly(full);
        assertThat(picked.row(1)).containsOnlyNulls();
        assertThat(picked.row(2)).containsOnlyNulls();
    }

    @Test
    void valuesMustHaveTheServersJavaTypes() {
        BatchBuilder builder = new BatchBuilder(Schema.of(Column.of("i", PgType.INT4)));
        assertThatThrownBy(() -> builder.add(new Object[] {5L})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a int4 value must be a Integer, got java.lang.Long");
        assertThatThrownBy(() -> builder.add(new Object[] {1, 2})).hasMessageContaining("2 values for 1 columns");
        assertThatThrownBy(() -> Schema.of(Column.of("a", PgType.INT4), Column.of("a", PgType.TEXT)))
                .hasMessage("duplicate column name \"a\"");
        assertThat(PgType.byOid(1700)).isEqualTo(PgType.NUMERIC);
        assertThatThrownBy(() -> PgType.byOid(114)).hasMessageContaining("OID 114");
    }
}
