package org.lakepg.server.sql.analyzer;

import java.util.Optional;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;

/**
 * PostgreSQL's format_type: the SQL spelling of a type in messages and in pg_catalog output
 * ("integer", "character varying(10)", "timestamp(3) with time zone", "text[]").
 */
public final class TypeNames {
    private TypeNames() {}

    /** format_type_be: without typmod, as in most error messages. */
    public static String format(TypeCatalog types, long oid) {
        return format(types, oid, -1, false);
    }

    /** format_type(oid, typmod): typmod -1 means "none given". */
    public static String format(TypeCatalog types, long oid, int typmod) {
        return format(types, oid, typmod, true);
    }

    private static String format(TypeCatalog types, long oid, int typmod, boolean typmodGiven) {
        Optional<TypeEntry> found = types.type(oid);
        if (found.isEmpty()) {
            return typmodGiven ? "???" : "-";
        }
        TypeEntry t = found.get();
        // a true array type (IsTrueArrayType, not toasted-plain like int2vector and oidvector) prints as element[]
        // (a domain over an array is named by its own name)
        if (t.isArray() && t.subscriptProc() != 0 && t.storage() != 'p' && t.kind() != 'd') {
            return format(types, t.elementType(), typmod, typmodGiven) + "[]";
        }
        boolean withTypmod = typmodGiven && typmod >= 0;
        int o = (int) oid;
        return switch (o) {
            case (int) TypeOids.BIT -> withTypmod ? "bit(" + typmod + ")" : typmodGiven ? "\"bit\"" : "bit";
            case (int) TypeOids.BOOL -> "boolean";
            case (int) TypeOids.BPCHAR -> withTypmod ? "character(" + (typmod - 4) + ")"
                    : typmodGiven ? "bpchar" : "character";
            case (int) TypeOids.FLOAT4 -> "real";
            case (int) TypeOids.FLOAT8 -> "double precision";
            case (int) TypeOids.INT2 -> "smallint";
            case (int) TypeOids.INT4 -> "integer";
            case (int) TypeOids.INT8 -> "bigint";
            case (int) TypeOids.NUMERIC -> withTypmod ? numericTypmod(typmod) : "numeric";
            case (int) TypeOids.INTERVAL -> withTypmod ? "interval" + intervalTypmod(typmod) : "interval";
            case (int) TypeOids.TIME -> withTypmod ? "time(" + typmod + ") without time zone" : "time without time zone";
            case (int) TypeOids.TIMETZ -> withTypmod ? "time(" + typmod + ") with time zone" : "time with time zone";
            case (int) TypeOids.TIMESTAMP -> withTypmod ? "timestamp(" + typmod + ") without time zone"
                    : "timestamp without time zone";
            case (int) TypeOids.TIMESTAMPTZ -> withTypmod ? "timestamp(" + typmod + ") with time zone"
                    : "timestamp with time zone";
            case (int) TypeOids.VARBIT -> withTypmod ? "bit varying(" + typmod + ")" : "bit varying";
            case (int) TypeOids.VARCHAR -> withTypmod ? "character varying(" + (typmod - 4) + ")" : "character varying";
            // printTypmod: a typmod without a typmodout function prints as a plain number
            default -> qualified(types, t) + (withTypmod && t.typmodOutProc() == 0 ? "(" + typmod + ")" : "");
        };
    }

    /** Qualified by its schema when search_path does not find it (information_schema.cardinal_number). */
    private static String qualified(TypeCatalog types, TypeEntry t) {
        String schema = types.qualifier(t);
        String name = Identifiers.quoteIfNeeded(t.name());
        return schema == null ? name : Identifiers.quoteIfNeeded(schema) + "." + name;
    }

    private static String numericTypmod(int typmod) {
        int value = typmod - 4;
        int precision = (value >> 16) & 0xffff;
        int scale = ((value & 0x7ff) ^ 1024) - 1024; // 11 bits, signed: numeric(3,-3)
        return "numeric(" + precision + "," + scale + ")";
    }

    /** interval's typmod: field range in the high 16 bits, precision (0xFFFF = none) in the low. */
    private static String intervalTypmod(int typmod) {
        int fields = (typmod >> 16) & 0x7FFF;
        int precision = typmod & 0xFFFF;
        String f = switch (fields) {
            case 1 << 2 -> " year";
            case 1 << 1 -> " month";
            case 1 << 3 -> " day";
            case 1 << 10 -> " hour";
            case 1 << 11 -> " minute";
            case 1 << 12 -> " second";
            case (1 << 2) | (1 << 1) -> " year to month";
            case (1 << 3) | (1 << 10) -> " day to hour";
            case (1 << 3) | (1 << 10) | (1 << 11) -> " day to minute";
            case (1 << 3) | (1 << 10) | (1 << 11) | (1 << 12) -> " day to second";
            case (1 << 10) | (1 << 11) -> " hour to minute";
            case (1 << 10) | (1 << 11) | (1 << 12) -> " hour to second";
            case (1 << 11) | (1 << 12) -> " minute to second";
            default -> "";
        };
        return precision != 0xFFFF ? f + "(" + precision + ")" : f;
    }
}
