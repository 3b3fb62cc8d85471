package org.lakepg.conformance.sqltests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lakepg.conformance.ModulePaths;

class SqlTestRunnerTest {

    @Test
    void trailingBlanksAndFinalEmptyLinesDoNotCount() {
        assertThat(SqlTestRunner.compare("x", " a \n b\n\n", " a\n b").passed()).isTrue();
    }

    @Test
    void theFirstDifferingLineIsNamed() {
        SqlTestOutcome o = SqlTestRunner.compare("x", "SHOW work_mem;\n 4MB\n", "SHOW work_mem;\nERROR:  nope\n");
        assertThat(o.passed()).isFalse();
        assertThat(o.summary()).isEqualTo("line 2: expected ` 4MB`, got `ERROR:  nope`");
        assertThat(SqlTestRunner.compare("x", "a\nb\n", "a\n").summary()).isEqualTo("line 2: expected `b`, got end of output");
    }

    @Test
    void everySqlFileHasItsRecordedOutput() throws Exception {
        Path dir = ModulePaths.module().resolve("src/test/resources/sql");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".sql")))
                    .isNotEmpty()
                    .allSatisfy(sql -> assertThat(Path.of(sql.toString().replaceAll("\\.sql$", ".out"))).exists());
        }
    }
}
