package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgTypesTest {

    @Test
    void everyPgTypeRowHasACodecWithTheSameFacts() {
        for (PgTypeInfo info : PgTypeInfo.ALL) {
            PgType<?> type = PgTypes.byOid(info.oid());
            assertThat(type).as(info.name()).isNotNull();
            assertThat(type.name()).isEqualTo(info.name());
            assertThat(type.arrayOid()).isEqualTo(info.arrayOid());
            assertThat(type.typeLength()).isEqualTo(info.typeLength());
        }
        assertThat(PgTypes.all()).hasSize(PgTypeInfo.ALL.size());
    }

    @Test
    void findsTypesBySqlSpellingAndArraySuffix() {
        assertThat(PgTypes.byName("integer")).isSameAs(Int4Type.INSTANCE);
        assertThat(PgTypes.byName("Double Precision")).isSameAs(Float8Type.INSTANCE);
        assertThat(PgTypes.byName("timestamp with time zone")).isSameAs(TimestampTzType.INSTANCE);
        assertThat(PgTypes.byName("text[]").oid()).isEqualTo(1009);
        assertThat(PgTypes.byName("_numeric").oid()).isEqualTo(1231);
        assertThat(PgTypes.byName("unknown[]")).isNull();
        assertThat(PgTypes.byName("no_such_type")).isNull();
        assertThat(PgTypes.arrayOf(BoolType.INSTANCE).elementType()).isSameAs(BoolType.INSTANCE);
        assertThat(PgTypes.byOid(199).name()).isEqualTo("_json");
    }
}
