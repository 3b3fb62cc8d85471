package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The typmodin functions of the built-in types: {@code numeric(10,2)}, {@code varchar(20)}, {@code timestamp(3)}. */
final class TypeModifiers {
    private TypeModifiers() {}

    private static final int VARHDRSZ = 4;
    private static final int MAX_LENGTH = 10 * 1024 * 1024;

    static int compute(long type, List<Integer> mods, Consumer<PgException> warnings) {
        if (mods.isEmpty()) {
            return -1;
        }
        int t = (int) type;
        switch (t) {
            case (int) TypeOids.NUMERIC -> {
                if (mods.size() > 2) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid NUMERIC type modifier");
                }
                int precision = mods.get(0);
                int scale = mods.size() > 1 ? mods.get(1) : 0;
                if (precision < 1 || precision > 1000) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC precision %d must be between 1 and %d", precision, 1000);
                }
                if (scale < -1000 || scale > 1000) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC scale %d must be between %d and %d", scale, -1000, 1000);
                }
                return ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ;
            }
            case (int) TypeOids.VARCHAR, (int) TypeOids.BPCHAR -> {
                String name = t == TypeOids.VARCHAR ? "varchar" : "char";
                single(mods, name);
                int n = mods.get(0);
                if (n < 1) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s must be at least 1", name);
                }
                if (n > MAX_LENGTH) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d",
                            name, MAX_LENGTH);
                }
                return n + VARHDRSZ;
            }
            case (int) TypeOids.BIT, (int) TypeOids.VARBIT -> {
                String name = t == TypeOids.BIT ? "bit" : "varbit";
                single(mods, name);
                int n = mods.get(0);
                if (n < 1) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s must be at least 1", name);
                }
                return n;
            }
            case (int) TypeOids.TIME, (int) TypeOids.TIMETZ, (int) TypeOids.TIMESTAMP, (int) TypeOids.TIMESTAMPTZ -> {
                String name = switch (t) {
                    case (int) TypeOids.TIME -> "TIME";
                    case (int) TypeOids.TIMETZ -> "TIME WITH TIME ZONE";
                    case (int) TypeOids.TIMESTAMP -> "TIMESTAMP";
                    default -> "TIMESTAMP WITH TIME ZONE";
                };
                single(mods, name);
                int p = mods.get(0);
                if (p < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s(%d) precision must not be negative", name, p);
                }
                if (p > 6) {
                    warnings.accept(PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "%s(%d) precision reduced to maximum allowed, %d", name, p, 6)
                            .withSeverity(PgException.Severity.WARNING));
                    p = 6;
                }
                return p;
            }
            case (int) TypeOids.INTERVAL -> {
                // the grammar passes the field range mask, then the precision if one was written
                int range = mods.get(0);
                if (mods.size() == 1) {
                    return range == 0x7FFF ? -1 : (range << 16) | 0xFFFF;
                }
                if (mods.size() != 2) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
                }
                int p = mods.get(1);
                if (p < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "INTERVAL(%d) precision must not be negative", p);
                }
                if (p > 6) {
                    warnings.accept(PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "INTERVAL(%d) precision reduced to maximum allowed, %d", p, 6)
                            .withSeverity(PgException.Severity.WARNING));
                    p = 6;
                }
                return (range << 16) | p;
            }
            default -> throw PgException.of(SqlState.SYNTAX_ERROR,
                    "type modifier is not allowed for type \"%s\"", TypeNames.format(
                            org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get(), type));
        }
    }

    private static void single(List<Integer> mods, String name) {
        if (mods.size() != 1) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
    }
}
