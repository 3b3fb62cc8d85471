package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.StringVector;

/**
 * Keys that are all dictionary-encoded take the per-batch code table; batches of plain strings and of other
 * dictionaries (each file has its own) take the per-column path. Either way a group's id is its rank of first
 * appearance and its key values are those of its first row.
 */
class GroupTableDictionaryTest {

    private static final Schema SCHEMA = new Schema(List.of(Column.of("a", PgType.TEXT), Column.of("b", PgType.TEXT),
            Column.of("c", PgType.TEXT)));

    @Test
    void dictionaryAndPlainBatchesNumberGroupsByFirstAppearance() {
        Random random = new Random(11);
        for (int keys = 1; keys <= 3; keys++) {
            List<Integer> keyColumns = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                keyColumns.add(k);
            }
            GroupTable table = new GroupTable(SCHEMA, keyColumns);
            Map<List<String>, Integer> reference = new HashMap<>();
            List<List<String>> firstKeys = new ArrayList<>();
            for (int batch = 0; batch < 8; batch++) {
                int n = 1 + random.nextInt(3000);
                String[][] values = new String[3][n];
                for (int c = 0; c < 3; c++) {
                    int distinct = 1 + random.nextInt(batch == 5 ? 40 : 4);
                    for (int r = 0; r < n; r++) {
                        values[c][r] = "v" + random.nextInt(distinct);
                    }
                }
                boolean dictionary = batch % 3 != 1;
                List<ColumnVector> vectors = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    vectors.add(dictionary ? encode(values[c], random) : new StringVector(PgType.TEXT, values[c], n,
                            NullMask.NONE));
                }
                int[] ids = new int[n];
                table.assign(new Batch(SCHEMA, vectors, n), ids);
                int[] expected = new int[n];
                for (int r = 0; r < n; r++) {
                    List<String> key = new ArrayList<>();
                    for (int k = 0; k < keys; k++) {
                        key.add(values[k][r]);
                    }
                    expected[r] = reference.computeIfAbsent(key, x -> {
                        firstKeys.add(x);
                        return reference.size();
                    });
                }
                assertThat(ids).as("%d keys, batch %d (dictionary %s)", keys, batch, dictionary).isEqualTo(expected);
                assertThat(table.groupCount()).isEqualTo(reference.size());
            }
            ColumnVector[] keyVectors = table.keyVectors();
            for (int g = 0; g < firstKeys.size(); g++) {
                for (int k = 0; k < keys; k++) {
                    assertThat(keyVectors[k].get(g)).isEqualTo(firstKeys.get(g).get(k));
                }
            }
        }
    }

    /** Dictionary-encodes {@code values} with the distinct strings in a random order, as a Parquet page may. */
    private static StringVector encode(String[] values, Random random) {
        List<String> dictionary = new ArrayList<>(Arrays.stream(values).distinct().toList());
        java.util.Collections.shuffle(dictionary, random);
        int[] ids = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            ids[r] = dictionary.indexOf(values[r]);
        }
        return StringVector.dictionaryEncoded(PgType.TEXT, ids, dictionary.toArray(String[]::new), values.length,
                NullMask.NONE);
    }
}
