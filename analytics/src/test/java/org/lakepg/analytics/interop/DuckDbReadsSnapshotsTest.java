package org.lakepg.analytics.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.VersionedTable;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ParquetColumnType;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.snapshot.DataFile;
import org.lakepg.analytics.snapshot.Manifest;
import org.lakepg.analytics.snapshot.Materializer;
import org.lakepg.analytics.snapshot.TableSnapshots;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;

/** Another engine (DuckDB, in-process) reads the exported Parquet files and the Delta log and gets the same rows. */
class DuckDbReadsSnapshotsTest {

    @TempDir
    Path dir;

    /** A DuckDB expression giving the column in a form both sides can compare exactly. */
    static String duckExpression(Column c) {
        String q = "\"" + c.name() + "\"";
        return switch (ParquetColumnType.of(c)) {
            case DECIMAL_INT64, DECIMAL_FIXED16, UUID -> "CAST(" + q + " AS VARCHAR)";
            case BINARY -> "hex(" + q + ")";
            case DATE -> "datediff('day', DATE '2000-01-01', " + q + ")";
            case TIMESTAMP, TIMESTAMPTZ -> "epoch_us(" + q + ") - 946684800000000";
            default -> q;
        };
    }

    static Object ours(Column c, Object v) {
        if (v == null) {
            return null;
        }
        return switch (ParquetColumnType.of(c)) {
            case DECIMAL_INT64, DECIMAL_FIXED16, DECIMAL_TEXT -> ((BigDecimal) v).toPlainString();
            case UUID -> ((UUID) v).toString();
            case BINARY -> HexFormat.of().withUpperCase().formatHex((byte[]) v);
            case DATE -> ((Integer) v).longValue();
            default -> v;
        };
    }

    static List<String> normalizedOurs(Schema schema, List<Object[]> rows) {
        List<String> out = new ArrayList<>();
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                values.add(ours(schema.column(i), row[i]));
            }
            out.add(values.toString());
        }
        out.sort(null);
        return out;
    }

    static List<String> query(Connection duck, Schema schema, String from) throws SQLException {
        String select = schema.columns().stream().map(DuckDbReadsSnapshotsTest::duckExpression)
                .collect(Collectors.joining(", "));
        List<String> out = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + from)) {
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= schema.size(); i++) {
                    values.add(rs.getObject(i));
                }
                out.add(values.toString());
            }
        }
        out.sort(null);
        return out;
    }

    static String fileList(Path root, List<String> relative) {
        return relative.stream().map(p -> "'" + root.resolve(p) + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void duckDbReadsTheParquetFilesAndTheDeltaLogOfEverySnapshotVersion() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            RandomData data = new RandomData(seed);
            Schema schema = data.allTypesSchema(4);
            VersionedTable table = new VersionedTable("t", schema);
            Path root = dir.resolve("store" + seed);
            TableSnapshots snapshots = new TableSnapshots(new LocalDirectoryObjectStore(root), "t/");
            Materializer materializer = new Materializer(snapshots, 3,
                    ParquetWriteOptions.defaults().withRowGroupRows(50));
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                for (int version = 0; version < 3; version++) {
                    for (int k = 0; k < 40; k++) {
                        table.randomCommit(data, 25);
                    }
                    Manifest m = materializer.refresh(table, table.currentLsn()).manifest();
                    List<String> expected = normalizedOurs(schema, table.rowsAt(m.lsn()));
                    Path tableRoot = root.resolve("t");
                    List<String> files = m.files().stream().map(DataFile::path).toList();
                    assertThat(query(duck, schema, "read_parquet(" + fileList(tableRoot, files) + ")"))
                            .as("seed %d version %d", seed, version).isEqualTo(expected);

                    // DuckDB replays the Delta log (adds minus removes) and reads the live files
                    List<String> live = new ArrayList<>();
                    String log = tableRoot.resolve("_delta_log") + "/*.json";
                    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(
                            "WITH a AS (SELECT json FROM read_ndjson_objects('" + log + "')) "
                                    + "SELECT json->>'$.add.path' FROM a WHERE json->>'$.add.path' IS NOT NULL "
                                    + "EXCEPT SELECT json->>'$.remove.path' FROM a WHERE json->>'$.remove.path' IS NOT NULL")) {
                        while (rs.next()) {
                            live.add(rs.getString(1));
                        }
                    }
                    assertThat(live).containsExactlyInAnyOrderElementsOf(files);
                    assertThat(query(duck, schema, "read_parquet(" + fileList(tableRoot, live) + ")"))
                            .isEqualTo(expected);
                }
            }
        }
    }
}
