package org.lakepg.conformance.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.conformance.causes.FailureCause.Kind;

/** Outputs are lines real PostgreSQL 15 printed (from the SQL tests and the regression suite). */
class FailureClassifierTest {

    private static FailureCause classify(List<String> got, List<String> want) {
        return FailureClassifier.classify(new StatementFailure("t", 1, "SELECT 1;", got, want), "test timed out").cause();
    }

    @Test
    void theMessageAsPrintedIsKeptBesideTheGroup() {
        Classification c = FailureClassifier.classify(new StatementFailure("t", 1, "EXPLAIN SELECT 1;",
                List.of("ERROR:  syntax error at or near \"EXPLAIN\""), List.of("QUERY PLAN")), "");
        assertThat(c.cause().message()).isEqualTo("syntax error at or near \"X\"");
        assertThat(c.instance()).isEqualTo("syntax error at or near \"EXPLAIN\"");
    }

    @Test
    void anErrorPostgresDidNotPrintIsTheCause() {
        FailureCause c = classify(List.of("ERROR:  relation \"int8_tbl\" does not exist",
                        "LINE 1: SELECT * FROM INT8_TBL;", "                      ^"),
                List.of("        q1        |        q2", "------------------+-------------------", "(5 rows)", ""));
        assertThat(c).isEqualTo(new FailureCause(Kind.ERROR, "relation \"X\" does not exist", null));
        assertThat(c.describe()).isEqualTo("ERROR: relation \"X\" does not exist");
    }

    @Test
    void theSameErrorInOtherWordsCountsUnderTheServersWords() {
        FailureCause c = classify(List.of("ERROR:  division by zero!"), List.of("ERROR:  division by zero"));
        assertThat(c.kind()).isEqualTo(Kind.ERROR);
        assertThat(c.message()).isEqualTo("division by zero!");
    }

    @Test
    void sqlStateIsKeptWhenPsqlShowedIt() {
        assertThat(classify(List.of("ERROR:  22012: division by zero"), List.of(" ?column? ", "(1 row)")).sqlState())
                .isEqualTo("22012");
    }

    @Test
    void aMissingErrorIsReportedWithPostgresMessage() {
        FailureCause c = classify(List.of("INSERT 0 1"),
                List.of("ERROR:  duplicate key value violates unique constraint \"sqltest_tx_pkey\"",
                        "DETAIL:  Key (id)=(1) already exists."));
        assertThat(c).isEqualTo(new FailureCause(Kind.MISSING_ERROR,
                "duplicate key value violates unique constraint \"X\"", null));
    }

    @Test
    void differentRowsAreAResultDifference() {
        assertThat(classify(List.of(" f1 |   f2", "----+--------", "  1 | foobar", "(1 row)", ""),
                List.of(" f1 | f2", "----+-----", "  1 | foo", "(1 row)", "")).kind()).isEqualTo(Kind.RESULT_DIFFERS);
    }

    @Test
    void whiteSpaceAloneIsNoDifferenceAndNoticesAreTheirOwnGroup() {
        assertThat(classify(List.of("NOTICE:  table \"sqltest_tx\" does not exist, skipping", " a ", "(1 row)"),
                List.of(" a", "(1 row)")).kind()).isEqualTo(Kind.NOTICE_DIFFERS);
    }

    @Test
    void warningsDoNotCountAsErrors() {
        assertThat(classify(List.of("WARNING:  there is no transaction in progress"), List.of()).kind())
                .isEqualTo(Kind.NOTICE_DIFFERS);
    }

    @Test
    void aLostConnectionIsItsOwnCause() {
        FailureCause c = classify(List.of("server closed the connection unexpectedly",
                "\tThis probably means the server terminated abnormally"), List.of(" ?column? ", "(1 row)"));
        assertThat(c).isEqualTo(FailureCause.of(Kind.CONNECTION_LOST, "server closed the connection unexpectedly"));
    }

    @Test
    void aStatementThatNeverRanTakesTheGivenReason() {
        assertThat(classify(null, List.of("(1 row)"))).isEqualTo(FailureCause.of(Kind.NOT_RUN, "test timed out"));
    }

    @Test
    void multisetDifferenceKeepsRepeatedLines() {
        assertThat(FailureClassifier.without(List.of("a", "a", "b"), List.of("a"))).containsExactly("a", "b");
    }
}
