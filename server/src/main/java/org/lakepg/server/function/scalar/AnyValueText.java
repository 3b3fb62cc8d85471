package org.lakepg.server.function.scalar;

import java.util.UUID;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTimeTz;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * Text output of a value passed to a {@code "any"} / {@code anyelement} parameter (concat, format,
 * to_json ...). Function code receives values without their SQL types, so the type is inferred from
 * the Java representation. Known gap: date (Integer) and time/timestamp (Long) share their
 * representation with int4/int8 and print as numbers until the executor passes argument types.
 */
final class AnyValueText {
    private AnyValueText() {}

    /** The pg_type name whose codec prints this representation; null when it is not known. */
    static String typeName(Object value) {
        return switch (value) {
            case Boolean b -> "bool";
            case Short s -> "int2";
            case Integer i -> "int4";
            case Long l -> "int8";
            case Float f -> "float4";
            case Double d -> "float8";
            case PgNumeric n -> "numeric";
            case String s -> "text";
            case byte[] b -> "bytea";
            case UUID u -> "uuid";
            case Jsonb j -> "jsonb";
            case PgInterval i -> "interval";
            case PgTimeTz t -> "timetz";
            case Byte b -> "char";
            default -> null;
        };
    }

    static String output(Object value, FunctionContext context) {
        if (value instanceof String s) {
            return s;
        }
        String type = typeName(value);
        if (type == null) {
            return String.valueOf(value);
        }
        PgType<?> codec = PgTypes.byName(type);
        return codec.formatTextUnchecked(value, WireTypeIO.formatSettings(context));
    }
}
