package org.lakepg.analytics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BatchBuilder;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;

/** Random schemas and rows of every supported type, with small domains so groups and joins find repeats. */
public final class RandomData {

    private final Random random;

    public RandomData(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public Column randomColumn(String name) {
        PgType[] types = PgType.values();
        PgType type = types[random.nextInt(types.length)];
        if (type == PgType.NUMERIC) {
            return switch (random.nextInt(3)) {
                case 0 -> Column.numeric(name, 12, 2);
                case 1 -> Column.numeric(name, 30, 4);
                default -> Column.of(name, PgType.NUMERIC);
            };
        }
        return Column.of(name, type);
    }

    /** A schema with every type at least once in the first columns, then random ones. */
    public Schema allTypesSchema(int extra) {
        List<Column> columns = new ArrayList<>();
        int i = 0;
        for (PgType t : PgType.values()) {
            columns.add(t == PgType.NUMERIC ? Column.numeric("c" + i++, 12, 2) : Column.of("c" + i++, t));
        }
        columns.add(Column.numeric("c" + i++, 30, 4));
        columns.add(Column.of("c" + i++, PgType.NUMERIC));
        for (int k = 0; k < extra; k++) {
            columns.add(randomColumn("c" + i++));
        }
        return new Schema(columns);
    }

    public Object value(Column column, double nullShare, int domain) {
        if (random.nextDouble() < nullShare) {
            return null;
        }
        int pick = random.nextInt(domain);
        return switch (column.type()) {
            case BOOL -> random.nextBoolean();
            case INT2 -> (short) (pick - domain / 2);
            case INT4 -> random.nextInt(20) == 0 ? random.nextInt() : pick - domain / 2;
            case INT8 -> random.nextInt(20) == 0 ? random.nextLong() >> 20 : (long) pick * 1_000_003L;
            case FLOAT4 -> (float) (pick / 4.0);
            case FLOAT8 -> pick / 8.0 - 3;
            case NUMERIC -> {
                if (column.hasTypmod()) {
                    int digits = Math.min(column.precision() - column.scale(), 9);
                    long whole = (long) (random.nextDouble() * Math.pow(10, digits)) % ((long) domain * 1000 + 1);
                    BigDecimal d = new BigDecimal(BigInteger.valueOf(whole * 100 + random.nextInt(100)), 2);
                    yield (random.nextBoolean() ? d : d.negate()).setScale(column.scale());
                }
                yield new BigDecimal(BigInteger.valueOf(pick - domain / 2L), random.nextInt(4));
            }
            case TEXT, VARCHAR, BPCHAR -> switch (pick % 5) {
                case 0 -> "k" + pick;
                case 1 -> "é" + pick;
                case 2 -> "";
                case 3 -> "long value number " + pick;
                default -> "Z" + (char) ('a' + pick % 26);
            };
            case BYTEA -> new byte[] {(byte) pick, (byte) (pick >> 8), 0, (byte) 0xff};
            case DATE -> pick * 37 - 20000;
            case TIMESTAMP, TIMESTAMPTZ -> (long) pick * 3_600_000_123L - 10_000_000_000_000L;
            case UUID -> new UUID(pick, pick * 31L);
        };
    }

    public List<Object[]> rows(Schema schema, int count, double nullShare, int domain) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Object[] row = new Object[schema.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = value(schema.column(c), nullShare, domain);
            }
            rows.add(row);
        }
        return rows;
    }

    public static Batch batch(Schema schema, List<Object[]> rows) {
        BatchBuilder builder = new BatchBuilder(schema, rows.size());
        rows.forEach(builder::add);
        return builder.build();
    }

    /** Rows as lists with byte[] shown as hex, so equals() compares values. */
    public static List<List<Object>> comparable(List<Object[]> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>(row.length);
            for (Object v : row) {
                values.add(v instanceof byte[] b ? "\\x" + HexFormat.of().formatHex(b) : v);
            }
            out.add(values);
        }
        return out;
    }

    public static List<Object[]> rowsOf(List<Batch> batches) {
        List<Object[]> rows = new ArrayList<>();
        for (Batch b : batches) {
            rows.addAll(b.rows());
        }
        return rows;
    }
}
