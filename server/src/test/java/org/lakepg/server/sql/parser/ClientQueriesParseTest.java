package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.CopyStmt;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.UtilityStmt;
import org.lakepg.server.sql.ast.VacuumStmt;

/**
 * What real clients send: psql's \d-family catalog queries, pgbench's statements and pgjdbc's metadata queries,
 * captured from PostgreSQL 15 with log_statement=all or psql -E.
 */
class ClientQueriesParseTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ClientQueriesParseTest.class.getResourceAsStream("/parser/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void psqlMetaCommandQueriesParseAsSelects() throws IOException {
        List<RawStatement> statements = SqlParser.parse(resource("psql-meta-queries.sql"));
        assertThat(statements).hasSize(36);
        for (RawStatement s : statements) {
            assertThat(s.statement()).isInstanceOf(SelectStmt.class);
        }
    }

    @Test
    void pgbenchStatementsParseIntoTheirKinds() throws IOException {
        List<RawStatement> statements = SqlParser.parse(resource("pgbench-statements.sql"));
        assertThat(statements).hasSize(57);
        long generic = statements.stream().filter(s -> s.statement() instanceof UtilityStmt).count();
        assertThat(generic).isZero();
        Statement end = statements.stream().map(RawStatement::statement)
                .filter(s -> s instanceof TransactionStmt t && t.kind() == TransactionStmt.Kind.COMMIT).findFirst().orElseThrow();
        assertThat(end).isNotNull();
        assertThat(statements).extracting(RawStatement::statement).hasAtLeastOneElementOfType(CopyStmt.class)
                .hasAtLeastOneElementOfType(VacuumStmt.class).hasAtLeastOneElementOfType(UpdateStmt.class);
    }

    @Test
    void pgjdbcMetadataAndSessionStatementsParse() throws IOException {
        List<RawStatement> statements = SqlParser.parse(resource("pgjdbc-statements.sql"));
        assertThat(statements).hasSize(30);
        assertThat(statements).extracting(RawStatement::statement).filteredOn(s -> s instanceof SelectStmt).hasSize(24);
        assertThat(statements).extracting(RawStatement::statement).noneMatch(s -> s instanceof UtilityStmt);
    }
}
