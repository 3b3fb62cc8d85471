package org.lakepg.server.session;

import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** DateStyle: an output style and a field order; a value naming only one keeps the other (check_datestyle). */
final class DateStyleCheck implements SettingDefinition.Check {
    @Override
    public String canonical(String current, String value) {
        String style = null;
        String order = null;
        boolean germanWithoutOrder = false;
        for (String raw : value.split("[,\\s]+")) {
            String token = raw.trim().toUpperCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            String newStyle = null;
            String newOrder = null;
            switch (token) {
                case "ISO" -> newStyle = "ISO";
                case "SQL" -> newStyle = "SQL";
                case "GERMAN" -> newStyle = "German";
                case "YMD" -> newOrder = "YMD";
                case "DMY", "EURO", "EUROPEAN" -> newOrder = "DMY";
                case "MDY", "US", "NONEURO", "NONEUROPEAN" -> newOrder = "MDY";
                case "DEFAULT" -> {
                    newStyle = "ISO";
                    newOrder = "MDY";
                }
                default -> {
                    if (token.startsWith("POSTGRES")) {
                        newStyle = "Postgres";
                    } else {
                        throw invalid(value).withDetail("Unrecognized key word: \"" + raw.trim() + "\".");
                    }
                }
            }
            if (newStyle != null) {
                if (style != null && !style.equals(newStyle)) {
                    throw conflicting(value);
                }
                style = newStyle;
            }
            if (newOrder != null) {
                if (order != null && !order.equals(newOrder)) {
                    throw conflicting(value);
                }
                order = newOrder;
            }
        }
        String[] now = current.split(",\\s*");
        if (order == null) {
            germanWithoutOrder = "German".equals(style);
        }
        return (style != null ? style : now[0]) + ", "
                + (order != null ? order : germanWithoutOrder ? "DMY" : now[1]);
    }

    private static PgException invalid(String value) {
        return SettingValues.invalid("DateStyle", value);
    }

    private static PgException conflicting(String value) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"DateStyle\": \"%s\"", value)
                .withDetail("Conflicting \"datestyle\" specifications.");
    }
}
