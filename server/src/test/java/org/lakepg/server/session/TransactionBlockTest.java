package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.junit.jupiter.api.Test;

/** Transaction-block rules as PostgreSQL 15 applies them (messages checked against psql on PG 15). */
class TransactionBlockTest {

    /** Records what the block asked for, in order. */
    static final class RecordingControl implements TransactionControl {
        final List<String> calls = new ArrayList<>();
        TransactionModes modes = TransactionModes.DEFAULT;

        @Override public void begin(TransactionModes m) { calls.add("begin"); modes = m; }
        @Override public void setModes(TransactionModes m) { calls.add("setModes"); modes = m; }
        @Override public TransactionModes currentModes() { return modes; }
        @Override public void commit() { calls.add("commit"); }
        @Override public void rollback() { calls.add("rollback"); }
        @Override public void savepoint(String name) { calls.add("savepoint " + name); }
        @Override public void releaseSavepoint(String name) { calls.add("release " + name); }
        @Override public void rollbackToSavepoint(String name) { calls.add("rollbackTo " + name); }
    }

    private final RecordingControl control = new RecordingControl();
    private final List<PgException> notices = new ArrayList<>();
    private final TransactionBlock block = new TransactionBlock(control, notices::add);

    @Test
    void singleStatementRunsInItsOwnTransaction() {
        block.beforeStatement(false, false);
        assertThat(block.status()).isEqualTo('I');
        block.afterStatement();
        assertThat(control.calls).containsExactly("begin", "commit");
        assertThat(block.state()).isEqualTo(TransactionBlock.State.IDLE);
    }

    @Test
    void explicitBlockCommitsAtCommit() {
        block.beforeStatement(false, false);
        block.begin(TransactionModes.DEFAULT);
        block.afterStatement();
        assertThat(block.status()).isEqualTo('T');
        block.beforeStatement(false, false);
        block.afterStatement();
        block.beforeStatement(false, true);
        assertThat(block.commit(false)).isEqualTo("COMMIT");
        block.afterStatement();
        assertThat(control.calls).containsExactly("begin", "setModes", "commit");
        assertThat(block.status()).isEqualTo('I');
    }

    @Test
    void errorInBlockFailsItUntilRollbackAndCommitAnswersRollback() {
        block.beforeStatement(false, false);
        block.begin(TransactionModes.DEFAULT);
        block.afterStatement();
        block.beforeStatement(false, false);
        block.statementFailed();
        assertThat(block.status()).isEqualTo('E');
        assertThatThrownBy(() -> block.beforeStatement(false, false))
                .isInstanceOf(PgException.class)
                .hasMessage("current transaction is aborted, commands ignored until end of transaction block")
                .extracting(e -> ((PgException) e).sqlState().code()).isEqualTo("25P02");
        block.beforeStatement(false, true);
        assertThat(block.commit(false)).isEqualTo("ROLLBACK");
        assertThat(block.status()).isEqualTo('I');
    }

    @Test
    void commitOutsideBlockWarns() {
        block.beforeStatement(false, true);
        assertThat(block.commit(false)).isEqualTo("COMMIT");
        block.afterStatement();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.getMessage()).isEqualTo("there is no transaction in progress");
            assertThat(n.sqlState().code()).isEqualTo("25P01");
            assertThat(n.severity()).isEqualTo(PgException.Severity.WARNING);
        });
    }

    @Test
    void beginTwiceWarns() {
        block.beforeStatement(false, false);
        block.begin(TransactionModes.DEFAULT);
        block.begin(TransactionModes.DEFAULT);
        assertThat(notices).singleElement()
                .satisfies(n -> assertThat(n.getMessage()).isEqualTo("there is already a transaction in progress"));
        assertThat(block.status()).isEqualTo('T');
    }

    @Test
    void multiStatementQueryIsOneTransactionAndAnErrorUndoesAllOfIt() {
        block.beforeStatement(true, false);
        block.afterStatement();
        block.beforeStatement(true, false);
        block.statementFailed();
        assertThat(control.calls).containsExactly("begin", "rollback");
        assertThat(block.status()).isEqualTo('I');

        control.calls.clear();
        block.beforeStatement(true, false);
        block.afterStatement();
        block.beforeStatement(true, false);
        block.afterStatement();
        block.endOfQuery();
        assertThat(control.calls).containsExactly("begin", "commit");
    }

    @Test
    void savepointsNeedABlockAndRollbackToRecoversAFailedBlock() {
        assertThatThrownBy(() -> block.savepoint("a"))
                .hasMessage("SAVEPOINT can only be used in transaction blocks");
        block.beforeStatement(false, false);
        block.begin(TransactionModes.DEFAULT);
        block.savepoint("a");
        block.statementFailed();
        assertThat(block.status()).isEqualTo('E');
        assertThatThrownBy(() -> block.rollbackToSavepoint("nope"))
                .hasMessage("savepoint \"nope\" does not exist");
        block.rollbackToSavepoint("a");
        assertThat(block.status()).isEqualTo('T');
        assertThat(control.calls).doesNotContain("rollback");
        block.releaseSavepoint("a");
        assertThat(block.commit(false)).isEqualTo("COMMIT");
        assertThat(control.calls).containsExactly("begin", "setModes", "savepoint a", "rollbackTo a", "release a", "commit");
    }

    @Test
    void commitAndChainOutsideBlockIsAnError() {
        block.beforeStatement(false, true);
        assertThatThrownBy(() -> block.commit(true))
                .hasMessage("COMMIT AND CHAIN can only be used in transaction blocks");
    }

    @Test
    void vacuumIsRefusedInsideABlock() {
        block.beforeStatement(false, false);
        block.begin(TransactionModes.DEFAULT);
        assertThatThrownBy(() -> block.requireNoBlock("VACUUM"))
                .hasMessage("VACUUM cannot run inside a transaction block");
    }
}
