package org.lakepg.server.function.scalar;

import java.util.UUID;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTimeTz;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * Text output of a value passed to a {@code "any"} / {@code anyelement} parameter (concat, format,
 * to_json ...), by the argument's SQL type when the call was bound with it ({@link ArgumentTypeAware}),
 * else by a type inferred from the Java representation. Unbound, date (Integer) and time/timestamp
 * (Long) print as numbers and json prints like text, since they share their representation.
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

    /** The codec for a type OID, or for the value's inferred type when the OID is unknown (0), unsupported or does not fit. */
    static PgType<?> codec(Object value, long type) {
        PgType<?> codec = type > 0 ? PgTypes.byOid((int) type) : null;
        if (codec == null && type > 0) {
            codec = org.lakepg.server.systemcatalog.CatalogTypeCodecs.byOid(type); // reg* types
        }
        if (codec == null && type > 0) {
            codec = org.lakepg.server.catalog.types.UserTypeRegistry.codec(type); // enums, domains, rows
        }
        // a binary-compatible cast (int4::oid ...) may relabel the type but keep the value's representation
        if (codec != null && codec.valueClass().isInstance(value)) {
            return codec;
        }
        if (value instanceof PgArray array) {
            PgType<?> element = PgTypes.byOid(array.elementOid());
            return element == null ? null : PgTypes.arrayOf(element);
        }
        String name = typeName(value);
        return name == null ? null : PgTypes.byName(name);
    }

    static String output(Object value, FunctionContext context) {
        return output(value, 0, context);
    }

    static String output(Object value, long type, FunctionContext context) {
        if (value instanceof String s) {
            return s;
        }
        PgType<?> codec = codec(value, type);
        if (codec == null) {
            return String.valueOf(value);
        }
        // reg* values print names, which needs the statement's catalog (regclass in row_to_json, format)
        codec = org.lakepg.server.systemcatalog.CatalogBoundRegType.bind(codec, context::catalogView);
        return codec.formatTextUnchecked(value, WireTypeIO.formatSettings(context));
    }
}
