package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionBodyPositionsTest {

    private static final String QUOTED = "create function f(int) returns int language sql as 'select ''a'' || x'";

    @Test
    void aQuotedBodyCountsEachDoubledQuoteAsOneCharacterOfTheBody() {
        String body = "select 'a' || x";
        int x = QUOTED.lastIndexOf('x') + 1;
        assertThat(FunctionBodyPositions.transpose(QUOTED, 0, body, body.indexOf('x') + 1)).isEqualTo(x);
        assertThat(FunctionBodyPositions.transpose(QUOTED, 10, body, 1)).isEqualTo(10 + QUOTED.indexOf("select") + 1);
    }

    @Test
    void aDollarQuotedBodyIsWrittenAsStored() {
        String statement = "create function f() returns int language sql as $fn$select nosuch$fn$";
        String body = "select nosuch";
        assertThat(FunctionBodyPositions.transpose(statement, 0, body, 8)).isEqualTo(statement.indexOf("nosuch") + 1);
    }

    @Test
    void theEndOfTheBodyIsAPositionToo() {
        String statement = "create function f() returns int language sql as 'select 1 +'";
        String body = "select 1 +";
        assertThat(FunctionBodyPositions.transpose(statement, 0, body, body.length() + 1))
                .isEqualTo(statement.length());
    }

    @Test
    void aBodyWrittenTwiceOrNotAtAllHasNoPosition() {
        String twice = "create function f() returns int language sql as 'select 1' /* 'select 1' */";
        assertThat(FunctionBodyPositions.transpose(twice, 0, "select 1", 1)).isZero();
        assertThat(FunctionBodyPositions.transpose(QUOTED, 0, "select 2", 1)).isZero();
        assertThat(FunctionBodyPositions.transpose(QUOTED, 0, "select 'a' || x", 0)).isZero();
    }
}
