package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameColumnTest {

    @Test
    void renamesColumnReferencesOnly() {
        assertThat(RenameColumn.in("((a > 0) AND (b < a))", "a", "x")).isEqualTo("((x > 0) AND (b < x))");
        // string literals, function names and type names keep their text
        assertThat(RenameColumn.in("(a(b) = 'a')", "a", "x")).isEqualTo("(a(b) = 'a')");
        assertThat(RenameColumn.in("((b)::a > 1)", "a", "x")).isEqualTo("((b)::a > 1)");
        assertThat(RenameColumn.in("(\"Col\" > 1)", "Col", "new")).isEqualTo("(new > 1)");
        assertThat(RenameColumn.in("(ab > 1)", "a", "x")).isEqualTo("(ab > 1)");
    }
}
