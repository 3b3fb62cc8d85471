package org.lakepg.server.catalog.types;

import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;
import org.lakepg.server.function.scalar.ValueOrder;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Building range values as range_serialize does: bounds checked, discrete ranges made canonical, empties found. */
public final class RangeTypes {
    private RangeTypes() {}

    public static final long INT4RANGE = 3904;
    public static final long INT8RANGE = 3926;
    public static final long DATERANGE = 3912;

    /** The element type of a range type (pg_range.rngsubtype), 0 for other types. */
    public static long subtype(long rangeType) {
        long builtin = BuiltinCatalog.get().rangeSubtype(rangeType);
        if (builtin == 0 && UserTypeRegistry.find(rangeType) instanceof UserType.Range r && r.oid() == rangeType) {
            return r.subtype();
        }
        return builtin;
    }

    /** The range type over an element type, for the built-in constructors (int4range(1, 2) ...). */
    public static long rangeOf(long subtype) {
        return switch ((int) subtype) {
            case 23 -> INT4RANGE;
            case 20 -> INT8RANGE;
            case 1700 -> 3906;
            case 1082 -> DATERANGE;
            case 1114 -> 3908;
            case 1184 -> 3910;
            default -> UserTypeRegistry.rangeOver(subtype);
        };
    }

    /** The multirange type over a built-in range type (pg_range.rngmultitypid), 0 for others. */
    public static long multirangeOf(long rangeType) {
        return switch ((int) rangeType) {
            case 3904 -> 4451;
            case 3906 -> 4532;
            case 3908 -> 4533;
            case 3910 -> 4534;
            case 3912 -> 4535;
            case 3926 -> 4536;
            default -> UserTypeRegistry.find(rangeType) instanceof UserType.Range r ? r.multirangeOid() : 0;
        };
    }

    public static RangeValue make(long type, Object lower, Object upper, boolean lowerInclusive, boolean upperInclusive) {
        boolean lowerInfinite = lower == null;
        boolean upperInfinite = upper == null;
        long subtype = subtype(type);
        if (!lowerInfinite && !upperInfinite) {
            int c = ValueOrder.compare(subtype, lower, upper);
            if (c > 0) {
                throw PgException.of(SqlState.DATA_EXCEPTION,
                        "range lower bound must be less than or equal to range upper bound");
            }
            if (c == 0 && !(lowerInclusive && upperInclusive)) {
                return RangeValue.empty(type);
            }
        }
        if (lowerInfinite) {
            lowerInclusive = false;
        }
        if (upperInfinite) {
            upperInclusive = false;
        }
        if (type == INT4RANGE || type == INT8RANGE || type == DATERANGE) {
            // canonical form [lower, upper)
            if (!lowerInfinite && !lowerInclusive) {
                lower = next(lower);
                lowerInclusive = true;
            }
            if (!upperInfinite && upperInclusive) {
                upper = next(upper);
                upperInclusive = false;
            }
            if (!lowerInfinite && !upperInfinite && ValueOrder.compare(subtype, lower, upper) >= 0) {
                return RangeValue.empty(type);
            }
        }
        return new RangeValue(type, lower, upper, lowerInclusive, upperInclusive, lowerInfinite, upperInfinite, false);
    }

    private static Object next(Object v) {
        return switch (v) {
            case Integer i when i == Integer.MAX_VALUE -> throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "integer out of range");
            case Integer i -> i + 1;
            case Long l when l == Long.MAX_VALUE -> throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "bigint out of range");
            case Long l -> l + 1;
            default -> v;
        };
    }
}
