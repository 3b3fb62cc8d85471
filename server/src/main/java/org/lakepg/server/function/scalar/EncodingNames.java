package org.lakepg.server.function.scalar;

import java.util.Locale;
import org.lakepg.server.function.FunctionRegistry;

/**
 * Encoding names and numbers. lakepg databases and clients are UTF8; pg_encoding_to_char and
 * pg_char_to_encoding know PostgreSQL's numbers for the encodings lakepg can convert.
 */
public final class EncodingNames {
    private EncodingNames() {}

    private static final String[] NAMES = {"SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8",
        "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9",
        "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5",
        "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U",
        "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "SHIFT_JIS_2004"};

    public static void register(FunctionRegistry r) {
        r.register("getdatabaseencoding", (x, c) -> "UTF8");
        r.register("pg_client_encoding", (x, c) -> "UTF8");
        r.register("PG_encoding_to_char", (x, c) -> {
            int n = ((Number) x[0]).intValue();
            return n >= 0 && n < NAMES.length ? NAMES[n] : "";
        });
        r.register("PG_char_to_encoding", (x, c) -> {
            String key = normalize((String) x[0]);
            for (int i = 0; i < NAMES.length; i++) {
                if (normalize(NAMES[i]).equals(key)) {
                    return i;
                }
            }
            return key.equals("unicode") ? 6 : -1;
        });
        r.register("pg_convert", (x, c) -> EncodingFunctions.convert((byte[]) x[0], (String) x[1], (String) x[2]));
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
