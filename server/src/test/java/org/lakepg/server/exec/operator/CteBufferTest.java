package org.lakepg.server.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A WITH item's rows are produced once, only as far as the furthest reader reads. */
class CteBufferTest {

    /** An endless source that counts how many rows were pulled from it. */
    private static Iterator<Object[]> counting(AtomicInteger pulled) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object[] next() {
                return new Object[] {pulled.incrementAndGet()};
            }
        };
    }

    @Test
    void readersShareRowsAndPullLazily() {
        AtomicInteger pulled = new AtomicInteger();
        CteBuffer buffer = new CteBuffer(counting(pulled));
        Iterator<Object[]> first = buffer.reader();
        Iterator<Object[]> second = buffer.reader();
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(first.next()[0]);
        }
        assertThat(pulled.get()).isEqualTo(3);
        seen.add(second.next()[0]);
        seen.add(second.next()[0]);
        assertThat(pulled.get()).isEqualTo(3);
        assertThat(seen).containsExactly(1, 2, 3, 1, 2);
    }

    @Test
    void drainRunsAFiniteSourceToItsEnd() {
        List<Object[]> rows = List.of(new Object[] {1}, new Object[] {2});
        Iterator<Object[]> source = rows.iterator();
        CteBuffer buffer = new CteBuffer(source);
        buffer.drain();
        assertThat(source.hasNext()).isFalse();
        Iterator<Object[]> reader = buffer.reader();
        assertThat(reader.next()[0]).isEqualTo(1);
        assertThat(reader.next()[0]).isEqualTo(2);
        assertThat(reader.hasNext()).isFalse();
    }
}
