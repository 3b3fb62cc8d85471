package org.lakepg.server.session;

import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * client_encoding: lakepg sends UTF-8. SQL_ASCII (what psql asks for under the C locale) is a
 * pass-through in PostgreSQL too, so both are accepted; other encodings are refused honestly until
 * conversion exists.
 */
final class ClientEncodingCheck implements SettingDefinition.Check {
    @Override
    public String canonical(String current, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (v) {
            case "UTF8", "UNICODE" -> "UTF8";
            case "SQLASCII" -> "SQL_ASCII";
            case "LATIN1", "LATIN2", "LATIN9", "ISO88591", "WIN1252", "WIN1251", "EUCJP", "SJIS", "EUCKR", "BIG5",
                 "GBK", "GB18030", "KOI8R", "WIN1250", "WIN866", "LATIN5", "EUCCN" ->
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "client_encoding \"%s\" is not supported by lakepg yet", value)
                            .withHint("Use UTF8.");
            default -> throw SettingValues.invalid("client_encoding", value);
        };
    }
}
