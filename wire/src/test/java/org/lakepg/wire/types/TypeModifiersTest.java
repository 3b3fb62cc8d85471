package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** Assignment (implicit) coercions and error details; explicit casts are covered by the fixtures. */
class TypeModifiersTest {

    @Test
    void assignmentToVarcharFailsWhenNonSpacesWouldBeCut() {
        // recorded: insert into t(a varchar(3)) values ('abcd') -> 22001
        PgException e = catchThrowableOfType(PgException.class,
                () -> TypeModifiers.apply(TextType.VARCHAR, "abcd", TypeModifiers.length(3), false));
        assertThat(e.sqlState().code() + " " + e.getMessage())
                .isEqualTo("22001 value too long for type character varying(3)");
        assertThat(TypeModifiers.apply(TextType.VARCHAR, "abc  ", TypeModifiers.length(3), false)).isEqualTo("abc");
        PgException bpchar = catchThrowableOfType(PgException.class,
                () -> TypeModifiers.apply(TextType.BPCHAR, "abcd", TypeModifiers.length(3), false));
        assertThat(bpchar.getMessage()).isEqualTo("value too long for type character(3)");
    }

    @Test
    void numericOverflowCarriesPostgresDetail() {
        PgException e = catchThrowableOfType(PgException.class, () -> TypeModifiers.apply(NumericType.INSTANCE,
                PgNumeric.of("1234.5"), TypeModifiers.numeric(5, 2), true));
        assertThat(e.detail()).isEqualTo("A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
        PgException unit = catchThrowableOfType(PgException.class, () -> TypeModifiers.apply(NumericType.INSTANCE,
                PgNumeric.of("1"), TypeModifiers.numeric(2, 2), true));
        assertThat(unit.detail()).isEqualTo("A field with precision 2, scale 2 must round to an absolute value less than 1.");
        PgException infinite = catchThrowableOfType(PgException.class, () -> TypeModifiers.apply(NumericType.INSTANCE,
                PgNumeric.POSITIVE_INFINITY, TypeModifiers.numeric(3, 1), true));
        assertThat(infinite.detail()).isEqualTo("A field with precision 3, scale 1 cannot hold an infinite value.");
    }

    @Test
    void noModifierLeavesValuesAlone() {
        assertThat(TypeModifiers.apply(TextType.BPCHAR, "ab", TypeModifiers.NONE, false)).isEqualTo("ab");
        assertThat(TypeModifiers.apply(TimestampType.INSTANCE, 1_500_000L, TypeModifiers.NONE, false))
                .isEqualTo(1_500_000L);
    }
}
