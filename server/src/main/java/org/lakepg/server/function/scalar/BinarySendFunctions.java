package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * The typsend functions of the base types called from SQL ({@code float4send(x)}): the value's
 * binary wire form as bytea, written by the same codec that answers binary-format clients.
 */
public final class BinarySendFunctions {
    private BinarySendFunctions() {}

    /** prosrc and the type it sends. */
    private static final Object[][] SENDS = {
            {"boolsend", 16}, {"byteasend", 17}, {"charsend", 18}, {"namesend", 19}, {"int8send", 20},
            {"int2send", 21}, {"int4send", 23}, {"textsend", 25}, {"oidsend", 26}, {"float4send", 700},
            {"float8send", 701}, {"bpcharsend", 1042}, {"varcharsend", 1043}, {"date_send", 1082},
            {"time_send", 1083}, {"timestamp_send", 1114}, {"timestamptz_send", 1184}, {"interval_send", 1186},
            {"timetz_send", 1266}, {"numeric_send", 1700}, {"uuid_send", 2950}, {"cash_send", 790},
            {"point_send", 600}, {"macaddr_send", 829}, {"inet_send", 869}, {"cidr_send", 650},
            {"pg_lsn_send", 3220}, {"jsonb_send", 3802}, {"json_send", 114},
    };

    public static void register(FunctionRegistry r) {
        for (Object[] send : SENDS) {
            PgType<?> codec = PgTypes.byOid((Integer) send[1]);
            if (codec != null) {
                r.register((String) send[0], (x, c) -> codec.encodeBinaryUnchecked(x[0]));
            }
        }
    }
}
