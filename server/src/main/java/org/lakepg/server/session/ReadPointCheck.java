package org.lakepg.server.session;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Validation of the time-travel settings: an LSN as PostgreSQL prints one ({@code 0/16B3748}), or empty. */
final class ReadPointCheck {
    private ReadPointCheck() {
    }

    static final class Lsn implements SettingDefinition.Check {
        @Override
        public String canonical(String current, String value) {
            String v = value.trim();
            if (v.isEmpty()) {
                return "";
            }
            try {
                return org.lakepg.storage.Lsn.parse(v).toString();
            } catch (RuntimeException e) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"lakepg.read_lsn\": \"%s\"", value)
                        .withDetail("An LSN is written as two hexadecimal numbers separated by a slash, like 0/16B3748.");
            }
        }
    }
}
