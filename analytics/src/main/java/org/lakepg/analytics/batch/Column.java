package org.lakepg.analytics.batch;

import java.util.Objects;

/**
 * A named, typed column. {@code precision}/{@code scale} are numeric's typmod ({@code numeric(p,s)}); both are -1 for
 * an unconstrained numeric and for every other type.
 */
public record Column(String name, PgType type, boolean nullable, int precision, int scale) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        if (type != PgType.NUMERIC && (precision != -1 || scale != -1)) {
            throw new IllegalArgumentException("only numeric columns have a precision and scale: " + name);
        }
        if (type == PgType.NUMERIC && (precision < -1 || precision == 0 || scale < -1 || (precision == -1) != (scale == -1)
                || scale > precision)) {
            throw new IllegalArgumentException("invalid numeric(" + precision + "," + scale + ") for " + name);
        }
    }

    public static Column of(String name, PgType type) {
        return new Column(name, type, true, -1, -1);
    }

    public static Column numeric(String name, int precision, int scale) {
        return new Column(name, PgType.NUMERIC, true, precision, scale);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, precision, scale);
    }

    public boolean hasTypmod() {
        return precision > 0;
    }
}
