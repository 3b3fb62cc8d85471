package org.lakepg.server.access.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.testing.InMemoryStorage;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.api.Test;

class SequenceTest {

    @Test
    void nextvalCountsUpLogsAheadAndNeverRepeatsAfterARestart() {
        InMemoryStorage storage = new InMemoryStorage();
        AccessFixture f = new AccessFixture(storage, storage, storage.timeline(), 32);
        Sequence seq = Sequence.create(f.ctx, 16400, "s", Sequence.Options.defaults());
        int recordsBefore = storage.recordCount();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(seq.nextval());
        }
        assertThat(values).startsWith(1L, 2L, 3L).endsWith(100L);
        assertThat(storage.recordCount() - recordsBefore).isEqualTo(4); // one record per 32 values
        Sequence again = Sequence.open(f.restart().ctx, 16400, "s");
        long next = again.nextval();
        assertThat(next).isGreaterThan(100).isLessThanOrEqualTo(100 + Sequence.LOG_AHEAD + 1);
    }

    @Test
    void setvalAndLimitsBehaveAsPostgres() {
        AccessFixture f = AccessFixture.inMemory(32);
        Sequence seq = Sequence.create(f.ctx, 16400, "s", new Sequence.Options(1, 1, 3, 1, false));
        assertThat(seq.nextval()).isEqualTo(1);
        seq.setval(2, true);
        assertThat(seq.nextval()).isEqualTo(3);
        assertThatThrownBy(seq::nextval)
                .hasMessage("nextval: reached maximum value of sequence \"s\" (3)")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED);
        assertThatThrownBy(() -> seq.setval(10, true))
                .hasMessage("setval: value 10 is out of bounds for sequence \"s\" (1..3)");
        seq.setval(2, false);
        assertThat(seq.nextval()).isEqualTo(2);
        Sequence.open(f.restart().ctx, 16400, "s"); // readable after a restart

        Sequence down = Sequence.create(f.ctx, 16401, "d", new Sequence.Options(-2, -5, 0, 0, true));
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            values.add(down.nextval());
        }
        assertThat(values).containsExactly(0L, -2L, -4L, 0L, -2L); // CYCLE wraps to MAXVALUE
    }
}
