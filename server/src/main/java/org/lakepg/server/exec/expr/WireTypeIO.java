package org.lakepg.server.exec.expr;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/** Type input/output through the wire module's codecs, with the session's formatting settings. */
public final class WireTypeIO implements TypeIO {

    public static final WireTypeIO INSTANCE = new WireTypeIO();

    @Override
    public String output(long type, Object value, FunctionContext context) {
        return codec(type, context).formatTextUnchecked(value, formatSettings(context));
    }

    @Override
    public Object input(long type, int typmod, String text, FunctionContext context) {
        return input(codec(type, context), typmod, text, formatSettings(context), context);
    }

    /**
     * Text input through a codec and settings looked up once for many values (COPY FROM): looking them up for
     * every value was a tenth of the cost of a bulk load.
     */
    public Object input(PgType<?> codec, int typmod, String text, FormatSettings settings, FunctionContext context) {
        try {
            if (codec.oid() == org.lakepg.wire.types.IntervalType.INSTANCE.oid() && typmod >= 0) {
                // interval input reads bare numbers in the unit of the typmod's range
                return org.lakepg.wire.types.IntervalType.INSTANCE.parseText(text, settings, typmod);
            }
            return codec.parseText(text, settings);
        } catch (PgException e) {
            throw withStackDepthSetting(e, context);
        }
    }

    /** A nesting error of an input function names the session's max_stack_depth, as PostgreSQL's hint does. */
    private static PgException withStackDepthSetting(PgException e, FunctionContext context) {
        String depth = e.sqlState() == SqlState.STATEMENT_TOO_COMPLEX && e.hint() != null
                ? context.setting("max_stack_depth") : null;
        return depth == null ? e : e.withHint(e.hint().replace("(currently 2048kB)", "(currently " + depth + ")"));
    }

    /** The codec of a type whose text form may need the catalog (reg* types print names). */
    public static PgType<?> codec(long type, FunctionContext context) {
        return org.lakepg.server.systemcatalog.CatalogBoundRegType.bind(codec(type), context::catalogView);
    }

    /** A value of one type in another whose text input accepts the first's text output (an int8 as int4, ...). */
    public static Object viaText(Object value, long from, long to) {
        var settings = FormatSettings.defaults();
        return codec(to).parseText(codec(from).formatTextUnchecked(value, settings), settings);
    }

    public static PgType<?> codec(long type) {
        PgType<?> codec = PgTypes.byOid((int) type);
        if (codec == null) {
            codec = org.lakepg.server.systemcatalog.CatalogTypeCodecs.byOid(type);
        }
        if (codec == null) {
            codec = org.lakepg.server.catalog.types.UserTypeRegistry.codec(type);
        }
        if (codec == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "values of type OID %d are not supported yet", type);
        }
        return codec;
    }

    /** DateStyle, IntervalStyle, TimeZone, extra_float_digits and bytea_output of the session. */
    public static FormatSettings formatSettings(FunctionContext context) {
        String extraDigits = context.setting("extra_float_digits");
        String bytea = context.setting("bytea_output");
        // 'now' in date/time input is the transaction's start, as now() is
        return new FormatSettings(
                orDefault(context.setting("DateStyle"), "ISO, MDY"),
                orDefault(context.setting("IntervalStyle"), "postgres"),
                context.timeZone(),
                extraDigits == null ? 1 : Integer.parseInt(extraDigits),
                bytea == null || bytea.equals("hex"),
                context.transactionStartMicros());
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
