package org.lakepg.server.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.function.FixedFunctionContext;

class MergeAppendTest {
    /** By the key, NULLs last; the second column says which input and position a row came from. */
    private static final Comparator<Object[]> BY_KEY = Comparator.comparing((Object[] r) -> (Long) r[0],
            Comparator.nullsLast(Comparator.naturalOrder()));

    private static ExecContext context() {
        return new ExecContext(new FixedFunctionContext(java.time.ZoneOffset.UTC, Map.of()), new Object[0]);
    }

    private static List<Object[]> drain(Iterator<Object[]> it) {
        List<Object[]> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void mergesSortedInputsIntoOneOrderKeepingEqualKeysInInputOrder() {
        Random random = new Random(7);
        List<List<Object[]>> inputs = new ArrayList<>();
        List<Object[]> expected = new ArrayList<>();
        for (int input = 0; input < 5; input++) {
            List<Object[]> rows = new ArrayList<>();
            int n = input == 3 ? 0 : random.nextInt(200); // one input is empty
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {random.nextInt(8) == 0 ? null : (long) random.nextInt(50), input * 1000L + i});
            }
            rows.sort(BY_KEY);
            inputs.add(rows);
            expected.addAll(rows);
        }
        // a stable sort of the inputs' rows in input order is what a merge stable by input gives
        expected.sort(BY_KEY);
        List<Supplier<Iterator<Object[]>>> openers = inputs.stream()
                .<Supplier<Iterator<Object[]>>>map(rows -> rows::iterator).toList();
        List<Object[]> merged = drain(new MergeAppend(openers, BY_KEY, context()));
        assertThat(merged).hasSize(expected.size());
        for (int i = 0; i < merged.size(); i++) {
            assertThat(merged.get(i)).containsExactly(expected.get(i));
        }
    }

    @Test
    void opensNothingBeforeTheFirstRowAndReadsTheNextRowOfAnInputOnlyWhenAskedFor() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        List<Supplier<Iterator<Object[]>>> openers = new ArrayList<>();
        for (long start = 0; start < 3; start++) {
            long first = start;
            openers.add(() -> {
                opened.incrementAndGet();
                return new Iterator<>() {
                    long next = first;

                    @Override
                    public boolean hasNext() {
                        return next < 30;
                    }

                    @Override
                    public Object[] next() {
                        read.incrementAndGet();
                        Object[] row = {next};
                        next += 3;
                        return row;
                    }
                };
            });
        }
        MergeAppend merge = new MergeAppend(openers, BY_KEY, context());
        assertThat(opened.get()).isZero();
        assertThat(merge.next()).containsExactly(0L);
        assertThat(opened.get()).isEqualTo(3);
        assertThat(read.get()).isEqualTo(3); // the first row of each input, no more (a LIMIT 1 reads no further)
        assertThat(merge.next()).containsExactly(1L);
        assertThat(read.get()).isEqualTo(4);
        assertThat(drain(merge)).hasSize(28);
    }
}
