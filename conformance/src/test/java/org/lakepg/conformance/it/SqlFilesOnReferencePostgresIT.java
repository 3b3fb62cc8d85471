package org.lakepg.conformance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.sqltests.Psql;
import org.lakepg.conformance.sqltests.SqlTestOutcome;
import org.lakepg.conformance.sqltests.SqlTestRunner;

/** The recorded SQL tests must reproduce on a fresh real PostgreSQL 15, or the recordings are wrong. */
class SqlFilesOnReferencePostgresIT {

    @Test
    void everySqlTestPassesOnRealPostgres(@TempDir Path out) throws Exception {
        try (ReferencePostgres pg = ReferencePostgres.start()) {
            SqlTestRunner runner = new SqlTestRunner(ModulePaths.module().resolve("src/test/resources/sql"),
                    new Psql(Psql.find(), "127.0.0.1", pg.port(), "postgres", "postgres", 60));
            List<SqlTestOutcome> outcomes = runner.check(List.of(), out);
            assertThat(outcomes).isNotEmpty().allSatisfy(o -> assertThat(o.passed()).as(o.name() + ": " + o.summary()).isTrue());
        }
    }
}
