package org.lakepg.conformance.causes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Message lines as real PostgreSQL 15 printed them through psql. */
class ErrorMessagesTest {

    @Test
    void parsesSeverityTextAndTheSqlStateWhenPsqlShowsIt() {
        assertThat(ErrorMessages.parse("ERROR:  relation \"int8_tbl\" does not exist"))
                .contains(new ErrorMessages.Message("ERROR", null, "relation \"int8_tbl\" does not exist"));
        assertThat(ErrorMessages.parse("ERROR:  22012: division by zero"))
                .contains(new ErrorMessages.Message("ERROR", "22012", "division by zero"));
        assertThat(ErrorMessages.parse("ERROR:  22012"))
                .contains(new ErrorMessages.Message("ERROR", "22012", "(message not shown: VERBOSITY sqlstate)"));
        assertThat(ErrorMessages.parse("psql:<stdin>:3: ERROR:  division by zero")).isPresent();
        assertThat(ErrorMessages.parse("LINE 1: SELECT * FROM sqltest_no_such_table;")).isEmpty();
        assertThat(ErrorMessages.parse(" ERROR:  in a row, not a message")).isEmpty();
    }

    @Test
    void namesValuesAndNumbersBecomePlaceholders() {
        assertThat(ErrorMessages.normalize("relation \"int8_tbl\" does not exist"))
                .isEqualTo(ErrorMessages.normalize("relation \"onek\" does not exist"))
                .isEqualTo("relation \"X\" does not exist");
        assertThat(ErrorMessages.normalize("function no_such_function(integer) does not exist"))
                .isEqualTo("function X(...) does not exist");
        assertThat(ErrorMessages.normalize("function binary_coercible(oid, oid) does not exist"))
                .isEqualTo("function X(...) does not exist");
        assertThat(ErrorMessages.normalize("operator does not exist: integer + text"))
                .isEqualTo("operator does not exist: X");
        assertThat(ErrorMessages.normalize("syntax error at or near \"SELECC\""))
                .isEqualTo("syntax error at or near \"X\"");
        assertThat(ErrorMessages.normalize("10 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)"))
                .isEqualTo("N kB is outside the valid range for parameter \"X\" (N .. N)");
        assertThat(ErrorMessages.normalize("invalid byte sequence for encoding \"UTF8\": 0xc3 0x00"))
                .isEqualTo("invalid byte sequence for encoding \"X\": 0xN");
        assertThat(ErrorMessages.normalize("value \"9223372036854775808\" is out of range for type bigint"))
                .isEqualTo("value \"X\" is out of range for type bigint");
    }

    @Test
    void typeNamesWithDigitsKeepThem() {
        assertThat(ErrorMessages.normalize("cannot cast type int8 to float4")).isEqualTo("cannot cast type int8 to float4");
    }
}
