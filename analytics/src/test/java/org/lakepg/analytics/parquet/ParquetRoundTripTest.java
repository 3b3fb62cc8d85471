package org.lakepg.analytics.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;

class ParquetRoundTripTest {

    @Test
    void parquetJavaRunsWithoutAnyHadoopClass() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.fs.Path"))
                .isInstanceOf(ClassNotFoundException.class);
        // and a full write + read works on this class path
        Schema schema = Schema.of(Column.of("a", PgType.INT4));
        byte[] file = ParquetBatchWriter.toBytes(schema, List.of(RandomData.batch(schema, List.<Object[]>of(
                new Object[] {1}, new Object[] {null}))), ParquetWriteOptions.defaults());
        try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
            assertThat(RandomData.comparable(RandomData.rowsOf(reader.readAll())))
                    .containsExactly(List.of(1), java.util.Arrays.asList((Object) null));
        }
    }

    @Test
    void randomRowsOfEveryTypeSurviveTheRoundTripWithEveryCodec() {
        for (long seed = 1; seed <= 6; seed++) {
            RandomData data = new RandomData(seed);
            Schema schema = data.allTypesSchema(3);
            List<Object[]> rows = data.rows(schema, 500 + data.random().nextInt(3000), 0.15, 1 + data.random().nextInt(60));
            List<Batch> batches = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += 700) {
                batches.add(RandomData.batch(schema, rows.subList(from, Math.min(rows.size(), from + 700))));
            }
            CompressionCodecName codec = CompressionCodecName.values()[(int) seed % 2 == 0 ? 0 : 1];
            ParquetWriteOptions options = ParquetWriteOptions.defaults().withRowGroupRows(999)
                    .withCodec(seed % 3 == 0 ? CompressionCodecName.ZSTD : codec);
            byte[] file = ParquetBatchWriter.toBytes(schema, batches, options);
            try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
                assertThat(reader.schema()).isEqualTo(schema);
                assertThat(reader.rowCount()).isEqualTo(rows.size());
                assertThat(reader.rowGroups()).hasSize((rows.size() + 998) / 999);
                assertThat(RandomData.comparable(RandomData.rowsOf(reader.readAll())))
                        .isEqualTo(RandomData.comparable(rows));
            }
        }
    }

    @Test
    void columnPruningDecodesOnlyTheAskedColumnsInTheAskedOrder() {
        RandomData data = new RandomData(42);
        Schema schema = data.allTypesSchema(0);
        List<Object[]> rows = data.rows(schema, 300, 0.2, 10);
        byte[] file = ParquetBatchWriter.toBytes(schema, List.of(RandomData.batch(schema, rows)),
                ParquetWriteOptions.defaults());
        try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
            List<Batch> out = new ArrayList<>();
            reader.scan(List.of(5, 2), List.of(), out::add);
            assertThat(out).hasSize(1);
            assertThat(out.get(0).schema().columns()).containsExactly(schema.column(5), schema.column(2));
            for (int r = 0; r < rows.size(); r++) {
                assertThat(out.get(0).row(r)).containsExactly(rows.get(r)[5], rows.get(r)[2]);
            }
        }
    }

    @Test
    void rowGroupStatisticsAndDictionariesAreWrittenAndPruneRowGroups() {
        // 10 row groups of 1000 rows; column k holds 10*group .. 10*group+9 so each group has a distinct range;
        // column tag holds "even"/"odd" per group, so a dictionary (not min/max: "even" < "odd" spans) decides.
        Schema schema = Schema.of(Column.of("k", PgType.INT8), Column.of("tag", PgType.TEXT),
                Column.of("d", PgType.DATE));
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            for (int i = 0; i < 1000; i++) {
                String tag = g % 2 == 0 ? (i % 2 == 0 ? "even-a" : "even-c") : (i % 2 == 0 ? "odd-a" : "odd-c");
                rows.add(new Object[] {(long) (g * 10 + i % 10), tag, g * 100 + i % 7});
            }
        }
        byte[] file = ParquetBatchWriter.toBytes(schema, List.of(RandomData.batch(schema, rows)),
                ParquetWriteOptions.defaults().withRowGroupRows(1000));
        try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
            BlockMetaData third = reader.rowGroups().get(3);
            ColumnChunkMetaData k = third.getColumns().get(0);
            assertThat(k.getStatistics().genericGetMin()).isEqualTo(30L);
            assertThat(k.getStatistics().genericGetMax()).isEqualTo(39L);
            assertThat(k.getEncodingStats().hasDictionaryPages()).isTrue();
            assertThat(k.getEncodingStats().hasNonDictionaryEncodedPages()).isFalse();

            List<Batch> out = new ArrayList<>();
            ScanStats stats = reader.scan(List.of(0, 1), List.of(new ColumnPredicate(0, ColumnPredicate.Op.GE, 75L)),
                    out::add);
            assertThat(stats.rowGroupsRead()).isEqualTo(3);
            assertThat(stats.skippedByStatistics()).isEqualTo(7);
            assertThat(out).allSatisfy(b -> assertThat((Long) b.row(0)[0]).isGreaterThanOrEqualTo(70L));

            // "even-b" lies between min and max of the even groups: only their dictionaries rule it out
            stats = reader.scan(List.of(1), List.of(new ColumnPredicate(1, ColumnPredicate.Op.EQ, "even-b")), b -> { });
            assertThat(stats.rowGroupsRead()).isZero();
            assertThat(stats.skippedByStatistics()).isEqualTo(5);
            assertThat(stats.skippedByDictionary()).isEqualTo(5);
            stats = reader.scan(List.of(1), List.of(new ColumnPredicate(1, ColumnPredicate.Op.EQ, "odd-c")), b -> { });
            assertThat(stats.rowGroupsRead()).isEqualTo(5);

            // dates are shifted to the Unix epoch in the file; pruning must shift the literal the same way
            stats = reader.scan(List.of(2), List.of(new ColumnPredicate(2, ColumnPredicate.Op.LT, 200)), b -> { });
            assertThat(stats.rowGroupsRead()).isEqualTo(2);
            stats = reader.scan(List.of(2), List.of(new ColumnPredicate(2, ColumnPredicate.Op.IS_NULL, null)), b -> { });
            assertThat(stats.rowGroupsRead()).isZero();
        }
    }

    @Test
    void rowGroupsAreNeverSkippedWhenARowMatches() {
        for (long seed = 10; seed < 20; seed++) {
            RandomData data = new RandomData(seed);
            Schema schema = data.allTypesSchema(0);
            List<Object[]> rows = data.rows(schema, 2000, 0.3, 20);
            byte[] file = ParquetBatchWriter.toBytes(schema, List.of(RandomData.batch(schema, rows)),
                    ParquetWriteOptions.defaults().withRowGroupRows(150));
            try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
                for (int c = 0; c < schema.size(); c++) {
                    if (schema.column(c).type() == PgType.BOOL) {
                        continue;
                    }
                    Object probe = rows.get(data.random().nextInt(rows.size()))[c];
                    ColumnPredicate.Op op = ColumnPredicate.Op.values()[data.random().nextInt(6)];
                    ColumnPredicate p = probe == null ? new ColumnPredicate(c, ColumnPredicate.Op.IS_NULL, null)
                            : new ColumnPredicate(c, op, probe);
                    int col = c;
                    long expected = rows.stream().filter(r -> RowPredicate.matches(p, r[col])).count();
                    List<Object[]> got = new ArrayList<>();
                    reader.scan(List.of(c), List.of(p), b -> got.addAll(b.rows()));
                    assertThat(got.stream().filter(r -> RowPredicate.matches(p, r[0])).count())
                            .as("seed %d column %s predicate %s", seed, schema.column(c), p).isEqualTo(expected);
                }
            }
        }
    }

    /** Row-at-a-time reference for a ColumnPredicate. */
    static final class RowPredicate {
        @SuppressWarnings({"unchecked", "rawtypes"})
        static boolean matches(ColumnPredicate p, Object value) {
            if (p.op() == ColumnPredicate.Op.IS_NULL) {
                return value == null;
            }
            if (p.op() == ColumnPredicate.Op.IS_NOT_NULL) {
                return value != null;
            }
            if (value == null) {
                return false;
            }
            int c;
            if (value instanceof byte[] a) {
                c = java.util.Arrays.compareUnsigned(a, (byte[]) p.literal());
            } else if (value instanceof String s) {
                c = Comparator.<byte[], byte[]>comparing(x -> x, java.util.Arrays::compareUnsigned).compare(
                        s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ((String) p.literal()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                c = ((Comparable) value).compareTo(p.literal());
            }
            return switch (p.op()) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> true;
            };
        }
    }
}
