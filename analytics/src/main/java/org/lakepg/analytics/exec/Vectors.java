package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.FloatVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.VectorBuilder;

/** Widening views of vectors for arithmetic and comparison, and concatenation of batches. */
final class Vectors {

    private Vectors() {
    }

    /** int2/int4/int8/date/timestamp values as longs (NULL positions hold 0). */
    static long[] longs(ColumnVector v) {
        return switch (v) {
            case LongVector l -> l.values();
            case IntVector i -> {
                long[] out = new long[v.size()];
                int[] in = i.values();
                for (int k = 0; k < out.length; k++) {
                    out[k] = in[k];
                }
                yield out;
            }
            case ShortVector s -> {
                long[] out = new long[v.size()];
                short[] in = s.values();
                for (int k = 0; k < out.length; k++) {
                    out[k] = in[k];
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("not an integer vector: " + v.type());
        };
    }

    /** Any numeric vector as doubles. */
    static double[] doubles(ColumnVector v) {
        return switch (v) {
            case DoubleVector d -> d.values();
            case FloatVector f -> {
                double[] out = new double[v.size()];
                float[] in = f.values();
                for (int k = 0; k < out.length; k++) {
                    out[k] = in[k];
                }
                yield out;
            }
            case DecimalVector d -> {
                double[] out = new double[v.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = v.isNull(k) ? 0 : d.at(k).doubleValue();
                }
                yield out;
            }
            default -> {
                long[] in = longs(v);
                double[] out = new double[v.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = in[k];
                }
                yield out;
            }
        };
    }

    /** Integer or numeric vector as BigDecimals (NULL positions hold null). */
    static BigDecimal[] decimals(ColumnVector v) {
        if (v instanceof DecimalVector d) {
            return d.values();
        }
        long[] in = longs(v);
        BigDecimal[] out = new BigDecimal[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v.isNull(k) ? null : BigDecimal.valueOf(in[k]);
        }
        return out;
    }

    /** A vector of {@code size} copies of a value (a literal). */
    static ColumnVector constant(Object value, PgType type, int size) {
        if (value instanceof BigDecimal d && type == PgType.NUMERIC && d.scale() >= 0
                && d.unscaledValue().bitLength() < 64) {
            long[] unscaled = new long[size];
            java.util.Arrays.fill(unscaled, d.unscaledValue().longValue());
            return DecimalVector.scaled(type, unscaled, d.scale(), size, org.lakepg.analytics.batch.NullMask.NONE);
        }
        VectorBuilder b = new VectorBuilder(type, size);
        for (int i = 0; i < size; i++) {
            b.add(value);
        }
        return b.build();
    }

    /** All rows of {@code batches} in one batch. */
    static Batch concat(Schema schema, List<Batch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int rows = 0;
        for (Batch b : batches) {
            rows += b.rowCount();
        }
        VectorBuilder[] builders = new VectorBuilder[schema.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = new VectorBuilder(schema.column(c).type(), rows);
        }
        for (Batch b : batches) {
            for (int c = 0; c < builders.length; c++) {
                ColumnVector v = b.column(c);
                for (int r = 0; r < b.rowCount(); r++) {
                    builders[c].addFrom(v, r);
                }
            }
        }
        List<ColumnVector> vectors = new java.util.ArrayList<>(builders.length);
        for (VectorBuilder vb : builders) {
            vectors.add(vb.build());
        }
        return new Batch(schema, vectors, rows);
    }
}
