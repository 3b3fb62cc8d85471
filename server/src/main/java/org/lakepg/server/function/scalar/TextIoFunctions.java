package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * The typinput / typoutput functions of base types (fixed-length ones, text, varchar) called as functions: what a LANGUAGE internal
 * function naming them ({@code AS 'int4in'}) runs, as the I/O of a user base type. cstring travels as a String.
 */
public final class TextIoFunctions {
    private TextIoFunctions() {}

    /** Input prosrc, output prosrc and the type they read and write. */
    private static final Object[][] IO = {
            {"boolin", "boolout", 16}, {"charin", "charout", 18}, {"int8in", "int8out", 20},
            {"int2in", "int2out", 21}, {"int4in", "int4out", 23}, {"oidin", "oidout", 26},
            {"float4in", "float4out", 700}, {"float8in", "float8out", 701}, {"date_in", "date_out", 1082},
            {"time_in", "time_out", 1083}, {"timestamp_in", "timestamp_out", 1114},
            {"timestamptz_in", "timestamptz_out", 1184}, {"textin", "textout", 25}, {"varcharin", "varcharout", 1043},
            {"tsvectorin", "tsvectorout", 3614}, {"tsqueryin", "tsqueryout", 3615},
    };

    public static void register(FunctionRegistry r) {
        for (Object[] io : IO) {
            PgType<?> codec = PgTypes.byOid((Integer) io[2]);
            if (codec != null && r.lookup((String) io[0]).isEmpty()) {
                r.register((String) io[0], (x, c) -> codec.parseText((String) x[0],
                        org.lakepg.server.exec.expr.WireTypeIO.formatSettings(c)));
                r.register((String) io[1], (x, c) -> codec.formatTextUnchecked(x[0],
                        org.lakepg.server.exec.expr.WireTypeIO.formatSettings(c)));
            }
        }
    }
}
