package org.lakepg.analytics.plan;

import java.util.Objects;
import org.lakepg.analytics.batch.PgType;

/**
 * An aggregate over input column {@code column} (-1 for count(*)), named {@code name} in the output. Result types
 * follow PostgreSQL: count = int8; sum(int2/int4) = int8, sum(int8/numeric) = numeric, sum(float4) = float4,
 * sum(float8) = float8; avg(integers/numeric) = numeric, avg(floats) = float8; min/max keep the input type (and do
 * not exist for uuid, bytea and boolean).
 */
public record AggCall(Function function, int column, String name) {

    /** The aggregate functions the vectorized engine runs. */
    public enum Function { COUNT_STAR, COUNT, SUM, AVG, MIN, MAX }

    public AggCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(name, "name");
        if ((function == Function.COUNT_STAR) != (column == -1)) {
            throw new IllegalArgumentException("count(*) and only count(*) has no input column");
        }
    }

    public static AggCall countStar(String name) {
        return new AggCall(Function.COUNT_STAR, -1, name);
    }

    public static AggCall of(Function function, int column, String name) {
        return new AggCall(function, column, name);
    }

    public PgType resultType(PgType input) {
        return switch (function) {
            case COUNT_STAR, COUNT -> PgType.INT8;
            case SUM -> switch (input) {
                case INT2, INT4 -> PgType.INT8;
                case INT8, NUMERIC -> PgType.NUMERIC;
                case FLOAT4 -> PgType.FLOAT4;
                case FLOAT8 -> PgType.FLOAT8;
                default -> throw new IllegalArgumentException("function sum(" + input.name().toLowerCase()
                        + ") does not exist");
            };
            case AVG -> switch (input) {
                case INT2, INT4, INT8, NUMERIC -> PgType.NUMERIC;
                case FLOAT4, FLOAT8 -> PgType.FLOAT8;
                default -> throw new IllegalArgumentException("function avg(" + input.name().toLowerCase()
                        + ") does not exist");
            };
            case MIN, MAX -> {
                // PostgreSQL 15 has no min/max for uuid, bytea or boolean (bool_and/bool_or instead)
                if (input == PgType.UUID || input == PgType.BYTEA || input == PgType.BOOL) {
                    throw new IllegalArgumentException("function " + function.name().toLowerCase() + "("
                            + input.name().toLowerCase() + ") does not exist");
                }
                yield input;
            }
        };
    }
}
