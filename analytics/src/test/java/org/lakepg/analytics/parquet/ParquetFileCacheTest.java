package org.lakepg.analytics.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;

/** A cached scan gives the same rows and pruning as reading the file, and fetches the file only on a miss. */
class ParquetFileCacheTest {

    private static final Schema SCHEMA = Schema.of(Column.of("k", PgType.INT8), Column.of("tag", PgType.TEXT),
            Column.of("d", PgType.DATE), Column.numeric("price", 12, 2));

    private static byte[] file() {
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            for (int i = 0; i < 1000; i++) {
                String tag = i % 13 == 0 ? null : g % 2 == 0 ? (i % 2 == 0 ? "even-a" : "even-c") : (i % 2 == 0 ? "odd-a" : "odd-c");
                rows.add(new Object[] {(long) (g * 10 + i % 10), tag, g * 100 + i % 7,
                        java.math.BigDecimal.valueOf(g * 1000L + i, 2)});
            }
        }
        return ParquetBatchWriter.toBytes(SCHEMA, List.of(RandomData.batch(SCHEMA, rows)),
                ParquetWriteOptions.defaults().withRowGroupRows(1000));
    }

    private record Result(List<List<Object>> rows, ScanStats stats) {
    }

    private static Result direct(byte[] file, List<Integer> columns, List<ColumnPredicate> predicates) {
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
            ScanStats stats = reader.scan(columns, predicates, b -> collect(b, rows));
            return new Result(rows, stats);
        }
    }

    private static Result cached(ParquetFileCache cache, ParquetFileCache.FileKey key, byte[] file, AtomicInteger fetches,
                                 List<Integer> columns, List<ColumnPredicate> predicates) {
        List<List<Object>> rows = new ArrayList<>();
        ScanStats stats = ParquetBatchReader.scanCached(cache, key, () -> {
            fetches.incrementAndGet();
            return file;
        }, columns, predicates, b -> collect(b, rows));
        return new Result(rows, stats);
    }

    private static void collect(Batch b, List<List<Object>> rows) {
        for (Object[] row : b.rows()) {
            rows.add(java.util.Arrays.asList(row));
        }
    }

    @Test
    void repeatedScansComeFromTheCacheWithTheSameRowsAndPruning() {
        byte[] file = file();
        ParquetFileCache cache = new ParquetFileCache(64L << 20);
        ParquetFileCache.FileKey key = new ParquetFileCache.FileKey(this, "data/f.parquet");
        AtomicInteger fetches = new AtomicInteger();
        List<List<ColumnPredicate>> probes = List.of(List.of(),
                List.of(new ColumnPredicate(0, ColumnPredicate.Op.GE, 75L)),
                List.of(new ColumnPredicate(1, ColumnPredicate.Op.EQ, "even-b")), // only dictionaries rule it out
                List.of(new ColumnPredicate(1, ColumnPredicate.Op.EQ, "odd-c")),
                List.of(new ColumnPredicate(2, ColumnPredicate.Op.LT, 200)));
        for (List<ColumnPredicate> p : probes) {
            Result expected = direct(file, List.of(3, 1, 0), p);
            assertThat(cached(cache, key, file, fetches, List.of(3, 1, 0), p)).as("first " + p).isEqualTo(expected);
            int fetched = fetches.get();
            assertThat(cached(cache, key, file, fetches, List.of(3, 1, 0), p)).as("again " + p).isEqualTo(expected);
            assertThat(fetches.get()).as("no fetch when everything is cached " + p).isEqualTo(fetched);
        }
        // a column not read before makes one fetch, then it is cached too
        int before = fetches.get();
        assertThat(cached(cache, key, file, fetches, List.of(2), List.of())).isEqualTo(direct(file, List.of(2), List.of()));
        assertThat(fetches.get()).isEqualTo(before + 1);
        cached(cache, key, file, fetches, List.of(2), List.of());
        assertThat(fetches.get()).isEqualTo(before + 1);
    }

    @Test
    void aFileBeyondTheBudgetIsReadEveryTime() {
        byte[] file = file();
        ParquetFileCache tiny = new ParquetFileCache(1024);
        ParquetFileCache.FileKey key = new ParquetFileCache.FileKey(this, "data/f.parquet");
        AtomicInteger fetches = new AtomicInteger();
        Result expected = direct(file, List.of(0, 3), List.of());
        assertThat(cached(tiny, key, file, fetches, List.of(0, 3), List.of())).isEqualTo(expected);
        assertThat(cached(tiny, key, file, fetches, List.of(0, 3), List.of())).isEqualTo(expected);
        assertThat(fetches.get()).isEqualTo(2);
    }

    /** The cache keeps the last selection's schema per file: alternating selections must each get their own. */
    @Test
    void alternatingColumnSelectionsGetTheirOwnSchemaAndRows() {
        byte[] file = file();
        ParquetFileCache cache = new ParquetFileCache(64L << 20);
        ParquetFileCache.FileKey key = new ParquetFileCache.FileKey(this, "data/f.parquet");
        AtomicInteger fetches = new AtomicInteger();
        List<List<Integer>> selections = List.of(List.of(3, 1, 0), List.of(0), List.of(2, 0), List.of(0, 1, 2, 3));
        for (int round = 0; round < 2; round++) {
            for (List<Integer> columns : selections) {
                List<String> names = new ArrayList<>();
                for (int c : columns) {
                    names.add(SCHEMA.column(c).name());
                }
                List<List<String>> seen = new ArrayList<>();
                List<List<Object>> rows = new ArrayList<>();
                ParquetBatchReader.scanCached(cache, key, () -> {
                    fetches.incrementAndGet();
                    return file;
                }, columns, List.of(), b -> {
                    seen.add(b.schema().columns().stream().map(Column::name).toList());
                    collect(b, rows);
                });
                assertThat(seen).as("round %d %s", round, columns).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo(names));
                assertThat(rows).isEqualTo(direct(file, columns, List.of()).rows());
            }
        }
    }
}
