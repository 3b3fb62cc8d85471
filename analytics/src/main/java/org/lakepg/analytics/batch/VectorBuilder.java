package org.lakepg.analytics.batch;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

/**
 * Appends values of one type and builds a {@link ColumnVector}. Boxed {@link #add} checks the Java type the server
 * uses for the PostgreSQL type; the typed adds are the fast path for decoders and operators.
 */
public final class VectorBuilder {

    private final PgType type;
    private int size;
    private int capacity;
    private long[] nullBits;
    private boolean anyNull;
    private boolean[] bools;
    private short[] shorts;
    private int[] ints;
    private long[] longs;
    private float[] floats;
    private double[] doubles;
    private Object[] objects;
    /**
     * numeric: values are kept as unscaled longs of one scale ({@code longs}) until one does not fit, then as
     * BigDecimals ({@code objects}); -1 while no value has set the scale.
     */
    private int decimalScale = -1;
    private boolean decimalsBoxed;

    public VectorBuilder(PgType type, int initialCapacity) {
        this.type = type;
        capacity = Math.max(initialCapacity, 16);
        nullBits = NullMask.newBits(capacity);
        switch (type.kind()) {
            case BOOL -> bools = new boolean[capacity];
            case SHORT -> shorts = new short[capacity];
            case INT -> ints = new int[capacity];
            case LONG -> longs = new long[capacity];
            case FLOAT -> floats = new float[capacity];
            case DOUBLE -> doubles = new double[capacity];
            case DECIMAL -> longs = new long[capacity];
            case STRING -> objects = new String[capacity];
            case BYTES -> objects = new byte[capacity][];
            case UUID -> objects = new UUID[capacity];
        }
    }

    public PgType type() {
        return type;
    }

    public int size() {
        return size;
    }

    private void ensureRoom() {
        if (size < capacity) {
            return;
        }
        int grown = capacity * 2;
        capacity = grown;
        switch (type.kind()) {
            case BOOL -> bools = Arrays.copyOf(bools, grown);
            case SHORT -> shorts = Arrays.copyOf(shorts, grown);
            case INT -> ints = Arrays.copyOf(ints, grown);
            case LONG -> longs = Arrays.copyOf(longs, grown);
            case DECIMAL -> {
                if (decimalsBoxed) {
                    objects = Arrays.copyOf(objects, grown);
                } else {
                    longs = Arrays.copyOf(longs, grown);
                }
            }
            case FLOAT -> floats = Arrays.copyOf(floats, grown);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, grown);
            default -> objects = Arrays.copyOf(objects, grown);
        }
        nullBits = Arrays.copyOf(nullBits, (grown + 63) >>> 6);
    }

    public void addNull() {
        ensureRoom();
        NullMask.set(nullBits, size);
        anyNull = true;
        size++;
    }

    /** Appends a boxed value (null for NULL); its class must be the one the server uses for this type. */
    public void add(Object value) {
        if (value == null) {
            addNull();
            return;
        }
        switch (type.kind()) {
            case BOOL -> addBoolean(cast(value, Boolean.class));
            case SHORT -> addShort(cast(value, Short.class));
            case INT -> addInt(cast(value, Integer.class));
            case LONG -> addLong(cast(value, Long.class));
            case FLOAT -> addFloat(cast(value, Float.class));
            case DOUBLE -> addDouble(cast(value, Double.class));
            case DECIMAL -> addDecimal(cast(value, BigDecimal.class));
            case STRING -> addObject(cast(value, String.class));
            case BYTES -> addObject(cast(value, byte[].class));
            case UUID -> addObject(cast(value, UUID.class));
        }
    }

    private <T> T cast(Object value, Class<T> expected) {
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + type.name().toLowerCase() + " value must be a "
                    + expected.getSimpleName() + ", got " + value.getClass().getName());
        }
        return expected.cast(value);
    }

    public void addBoolean(boolean v) {
        ensureRoom();
        bools[size++] = v;
    }

    public void addShort(short v) {
        ensureRoom();
        shorts[size++] = v;
    }

    public void addInt(int v) {
        ensureRoom();
        ints[size++] = v;
    }

    public void addLong(long v) {
        ensureRoom();
        longs[size++] = v;
    }

    public void addFloat(float v) {
        ensureRoom();
        floats[size++] = v;
    }

    public void addDouble(double v) {
        ensureRoom();
        doubles[size++] = v;
    }

    /** Appends a numeric, text, bytea or uuid value (not null). */
    public void addObject(Object v) {
        if (type.kind() == PgType.Kind.DECIMAL) {
            addDecimal((BigDecimal) v);
            return;
        }
        ensureRoom();
        objects[size++] = v;
    }

    /** Appends a numeric value (not null): as an unscaled long while it has the builder's scale and fits one. */
    public void addDecimal(BigDecimal v) {
        if (!decimalsBoxed && v.scale() >= 0 && (decimalScale < 0 || v.scale() == decimalScale)
                && v.unscaledValue().bitLength() < 64) {
            addScaledDecimal(v.unscaledValue().longValue(), v.scale());
            return;
        }
        boxDecimals();
        ensureRoom();
        objects[size++] = v;
    }

    /** Appends the numeric {@code unscaled / 10^scale} (scale >= 0). */
    public void addScaledDecimal(long unscaled, int scale) {
        if (decimalsBoxed || (decimalScale >= 0 && scale != decimalScale)) {
            addDecimal(BigDecimal.valueOf(unscaled, scale));
            return;
        }
        decimalScale = scale;
        ensureRoom();
        longs[size++] = unscaled;
    }

    /** Switches a numeric builder to BigDecimals (a value of another scale or beyond a long arrived). */
    private void boxDecimals() {
        if (decimalsBoxed) {
            return;
        }
        BigDecimal[] boxed = new BigDecimal[capacity];
        for (int i = 0; i < size; i++) {
            if (!NullMask.isSet(nullBits, i)) {
                boxed[i] = BigDecimal.valueOf(longs[i], decimalScale);
            }
        }
        objects = boxed;
        longs = null;
        decimalsBoxed = true;
    }

    /** Appends row {@code index} of {@code vector} (same type). */
    public void addFrom(ColumnVector vector, int index) {
        if (vector.isNull(index)) {
            addNull();
            return;
        }
        switch (vector) {
            case BoolVector v -> addBoolean(v.at(index));
            case ShortVector v -> addShort(v.at(index));
            case IntVector v -> addInt(v.at(index));
            case LongVector v -> addLong(v.at(index));
            case FloatVector v -> addFloat(v.at(index));
            case DoubleVector v -> addDouble(v.at(index));
            case DecimalVector v -> {
                if (v.isScaled()) {
                    addScaledDecimal(v.unscaled()[index], v.scale());
                } else {
                    addDecimal(v.at(index));
                }
            }
            case StringVector v -> addObject(v.at(index));
            case BytesVector v -> addObject(v.at(index));
            case UuidVector v -> addObject(v.at(index));
        }
    }

    public ColumnVector build() {
        NullMask nulls = anyNull ? NullMask.of(nullBits) : NullMask.NONE;
        return switch (type.kind()) {
            case BOOL -> new BoolVector(type, bools, size, nulls);
            case SHORT -> new ShortVector(type, shorts, size, nulls);
            case INT -> new IntVector(type, ints, size, nulls);
            case LONG -> new LongVector(type, longs, size, nulls);
            case FLOAT -> new FloatVector(type, floats, size, nulls);
            case DOUBLE -> new DoubleVector(type, doubles, size, nulls);
            case DECIMAL -> decimalsBoxed ? new DecimalVector(type, (BigDecimal[]) objects, size, nulls)
                    : DecimalVector.scaled(type, longs, Math.max(decimalScale, 0), size, nulls);
            case STRING -> new StringVector(type, (String[]) objects, size, nulls);
            case BYTES -> new BytesVector(type, (byte[][]) objects, size, nulls);
            case UUID -> new UuidVector(type, (UUID[]) objects, size, nulls);
        };
    }
}
