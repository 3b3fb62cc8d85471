package org.lakepg.server.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** How PostgreSQL's ARE syntax is carried over to java.util.regex. */
class PosixRegexTest {

    private static boolean matches(String text, String are) {
        return RegexFunctions.find(text, are, PosixRegex.Options.DEFAULT);
    }

    @Test
    void dollarIsTheEndOfTheStringNotBeforeAFinalNewline() {
        assertThat(PosixRegex.translate("a$", false)).isEqualTo("a\\z");
        assertThat(matches("a\n", "a$")).isFalse();
        assertThat(matches("a", "a$")).isTrue();
    }

    @Test
    void bracketExpressionsKeepPosixMeaning() {
        assertThat(matches("]", "[]]")).isTrue();
        assertThat(matches("&", "[a&&b]")).isTrue();
        assertThat(matches("[", "[[]")).isTrue();
        assertThat(matches("é", "^[[:alpha:]]$")).isTrue();
        assertThat(matches("7", "^[[:alpha:]]$")).isFalse();
        assertThat(matches("f", "^[[:xdigit:]]$")).isTrue();
    }

    @Test
    void wordBoundaryEscapes() {
        assertThat(matches("ab cd", "\\mcd\\M")).isTrue();
        assertThat(matches("abcd", "\\mcd")).isFalse();
        assertThat(matches("x y", "x\\Y y")).isFalse();
        assertThat(matches("ab", "[[:<:]]ab[[:>:]]")).isTrue();
    }

    @Test
    void codePointEscapes() {
        assertThat(matches("é", "\\u00e9")).isTrue();
        assertThat(matches("😀", "\\U0001F600")).isTrue();
        assertThat(matches("A", "\\x41")).isTrue();
    }

    @Test
    void errorsUsePostgresWording() {
        assertThatThrownBy(() -> matches("a", "a(b")).isInstanceOf(PgException.class)
                .hasMessage("invalid regular expression: parentheses () not balanced");
        assertThatThrownBy(() -> matches("a", "a\\q")).hasMessage("invalid regular expression: invalid escape \\ sequence");
        assertThatThrownBy(() -> matches("a", "[[:nope:]]")).hasMessage("invalid regular expression: invalid character class");
    }

    @Test
    void similarToBecomesAnAnchoredRegex() {
        assertThat(SimilarToEscape.translate("a%_(b|c)", "\\")).isEqualTo("^(?:a.*.(?:b|c))$");
        assertThat(matches("axyzc", SimilarToEscape.translate("a%(b|c)", "\\"))).isTrue();
        assertThat(matches("a.c", SimilarToEscape.translate("a.c", "\\"))).isTrue();
        assertThat(matches("abc", SimilarToEscape.translate("a.c", "\\"))).isFalse();
    }
}
